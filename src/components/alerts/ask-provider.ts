import type { ProviderContact } from '../../../server/contract/settings.js'
import { alertsStrings } from '@/strings/alerts'

/**
 * Builds the link of "Ask your IT provider about this alert". It is the provider's ticket page
 * when that is an http(s) link, else an email with the alert's title and id filled in. Returns
 * null when the provider has neither.
 */
export function askProviderHref(provider: ProviderContact, alert: { id: string; title: string }, alertUrl: string): string | null {
  if (provider.ticketUrl) {
    try {
      const url = new URL(provider.ticketUrl)
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href
    } catch {
      // An unusable ticket link falls through to email.
    }
  }
  if (!provider.email) return null

  const subject = alertsStrings.detail.askSubject(alert.title, alert.id)
  const body = alertsStrings.detail.askBody(alert.title, alert.id, alertUrl)
  // The address stays readable ("@" unescaped); characters that would end it or start a header are dropped.
  const address = provider.email.replace(/[?&#\s]/g, '')
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
}
