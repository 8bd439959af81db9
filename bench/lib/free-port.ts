import net from 'node:net'

/**
 * Returns a TCP port that was free on 127.0.0.1 a moment ago, found by listening on port 0.
 * Another process could take it before the caller binds it, so callers fail loudly if it is taken.
 */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error('Listening on 127.0.0.1:0 returned no port.'))
        return
      }
      server.close(() => resolve(address.port))
    })
  })
}
