import { ErrorBody } from '../contract/common.js'

/** Response schemas for the error statuses a route can return, all with the contract's error body. */
export function errorResponses<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as { [K in S[number]]: typeof ErrorBody }
}
