import { m365Strings } from '@/strings/m365'

/** Explains in words why a licence-gated figure is missing. Returns null when the capability is available. */
export function capabilityNote(capability: string): string | null {
  const text = m365Strings.overview
  switch (capability) {
    case 'available':
      return null
    case 'needs_entra_p1':
      return text.capabilityNeedsP1
    case 'needs_entra_p2':
      return text.capabilityNeedsP2
    case 'missing_permission':
      return text.capabilityMissingPermission
    default:
      return text.capabilityUnknown
  }
}
