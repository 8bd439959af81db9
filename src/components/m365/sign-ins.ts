import type { SignInItem } from '../../../server/contract/m365.js'
import { formatDayHeader } from '@/format'
import { describeSignInFailure } from '@/format/sign-in-failure'
import { m365Strings } from '@/strings/m365'

const text = m365Strings.signIns

/** "Oslo, Norway"; parts Graph left empty are skipped. */
export function signInLocation(location: SignInItem['location']): string {
  const parts = [location.city, location.state, location.countryOrRegion].filter((part): part is string => Boolean(part))
  return parts.length > 0 ? parts.join(', ') : text.unknownLocation
}

/** Words the row's result line: "Success · Outlook Mobile" or "Failed: wrong password". */
export function signInResultLine(item: SignInItem): string {
  if (item.result === 'success') return `${text.success} · ${item.appDisplayName ?? text.unknownApp}`
  return text.failedBecause(lowerFirstWord(describeSignInFailure(item.errorCode, item.failureReason)))
}

/** Lower-cases a leading capital so the reason reads on after "Failed:", but leaves acronyms such as "MFA" alone. */
function lowerFirstWord(reason: string): string {
  return /^\p{Lu}\p{Ll}/u.test(reason) ? reason.charAt(0).toLocaleLowerCase() + reason.slice(1) : reason
}

/** "Oslo, Norway · iOS", with the client app when the device OS is missing. */
export function signInPlaceLine(item: SignInItem): string {
  const client = item.device.operatingSystem ?? item.device.browser ?? item.clientAppUsed
  return client ? `${signInLocation(item.location)} · ${client}` : signInLocation(item.location)
}

export type SignInListEntry =
  | { kind: 'header'; key: string; label: string }
  | { kind: 'row'; key: string; item: SignInItem }

/** Interleaves a day header before the first sign-in of each local calendar day. Items keep their order. */
export function withDayHeaders(items: readonly SignInItem[], now = new Date()): SignInListEntry[] {
  const entries: SignInListEntry[] = []
  let currentLabel: string | null = null
  for (const item of items) {
    const label = formatDayHeader(item.createdAt, now)
    if (label !== currentLabel) {
      currentLabel = label
      entries.push({ kind: 'header', key: `day-${item.createdAt}`, label })
    }
    entries.push({ kind: 'row', key: item.id, item })
  }
  return entries
}
