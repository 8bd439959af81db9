import type { RefusalCode } from '../api/errors'

export interface RefusalWording {
  title: string
  body: string
}

/** Wording of the refused screens, per API refusal code. */
export const refusals: Record<RefusalCode, RefusalWording> = {
  m365_disabled: {
    title: 'Microsoft 365 is not enabled for your organization',
    body: 'Your IT provider has not enabled it in your portal. Ask them if you need it.',
  },
  m365_not_permitted: {
    title: 'Microsoft 365 is not permitted for your account',
    body: 'Your IT provider has not given your account access to it. Ask them if you need it.',
  },
  alerts_disabled: {
    title: 'Security alerts are not enabled for your organization',
    body: 'Your IT provider has not enabled them in your portal. Ask them if you need them.',
  },
  tab_not_permitted: {
    title: "You don't have access to this",
    body: "Your account isn't allowed to see this information. Your IT provider can change that.",
  },
}
