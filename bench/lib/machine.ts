import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { CHROMIUM_PATH } from './paths.js'

/** The machine a run measured on, from the same commands BENCHMARKS.md lists. */
export interface MachineInfo {
  cpuModel: string
  cores: number
  memory: string
  node: string
  chromium: string
  loadAverage: number[]
}

function commandOutput(file: string, args: string[]): string {
  try {
    // Debian's chromium wrapper prints a shell warning on stderr with --version; only stdout counts.
    return execFileSync(file, args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return `unavailable (${file} failed: ${reason})`
  }
}

export function describeMachine(): MachineInfo {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown'
  const memoryLine = commandOutput('free', ['-h']).split('\n').find((line) => line.startsWith('Mem:')) ?? ''
  return {
    cpuModel,
    cores: Number(commandOutput('nproc', [])),
    memory: memoryLine.split(/\s+/)[1] ?? 'unknown',
    node: process.version,
    chromium: commandOutput(CHROMIUM_PATH, ['--version']),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  }
}
