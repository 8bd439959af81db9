import { formatDateTime } from '@/format'

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/
const IPV6 = /^[0-9a-f:]+:[0-9a-f:]*$/i
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const LONG_ID = /^[0-9a-z_-]{16,}$/i

/** Checks whether a value is an address or identifier that people copy into tickets and other tools. */
export function isCopyable(value: string): boolean {
  const trimmed = value.trim()
  return IPV4.test(trimmed) || IPV6.test(trimmed) || GUID.test(trimmed) || LONG_ID.test(trimmed)
}

/** Words an evidence type: "userEvidence" → "User", "ipEvidence" → "IP address". Other types lose the suffix and are spaced out. */
export function evidenceKind(type: string): string {
  const known: Record<string, string> = {
    userEvidence: 'User',
    ipEvidence: 'IP address',
    deviceEvidence: 'Device',
    mailboxEvidence: 'Mailbox',
    analyzedMessageEvidence: 'Email message',
    urlEvidence: 'URL',
    fileEvidence: 'File',
    processEvidence: 'Process',
    cloudApplicationEvidence: 'Cloud app',
    oauthApplicationEvidence: 'OAuth app',
    registryKeyEvidence: 'Registry key',
    registryValueEvidence: 'Registry value',
  }
  if (known[type]) return known[type]
  const words = type.replace(/Evidence$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLocaleLowerCase()
  return words.charAt(0).toLocaleUpperCase() + words.slice(1)
}

const DETAIL_WORDS: Record<string, string> = {
  azureAdUserId: 'Entra user ID',
  userPrincipalName: 'User principal name',
  createdDateTime: 'Created',
  primaryAddress: 'Primary address',
  ipAddress: 'IP address',
  userSid: 'User SID',
  deviceDnsName: 'Device DNS name',
  mdeDeviceId: 'Defender device ID',
  osPlatform: 'OS platform',
}

/**
 * Words a Graph evidence property path such as "userAccount.accountName": the last segment,
 * spaced out, with common abbreviations in capitals ("Account name", "Entra user ID").
 */
export function evidenceDetailName(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1)
  const known = DETAIL_WORDS[last]
  if (known) return known

  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLocaleLowerCase()
    .replace(/\b(id|ip|url|os|dns|sid)\b/g, (word) => word.toUpperCase())
  return words.charAt(0).toLocaleUpperCase() + words.slice(1)
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** Formats an evidence value for reading: ISO timestamps in the user's locale and time zone, anything else as sent. */
export function evidenceDetailValue(value: string): string {
  return ISO_DATE_TIME.test(value.trim()) ? formatDateTime(value.trim()) : value
}
