// The demo organization the end-to-end server starts with (PORTAL_DEMO=1). The password and
// TOTP secret are fixed test values passed to the server as DEMO_PASSWORD and DEMO_TOTP_SECRET.

export const DEMO_PASSWORD = 'e2e-Demo-Password-2026'

/** Base32, 20 bytes: long enough for otplib's 16-byte minimum. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** Demo accounts by role in the demo data. */
export const DEMO_ACCOUNTS = {
  /** Contoso manager: every tab. */
  manager: 'manager@contoso.example',
  /** Contoso standard user: the default standard tabs (not sign-ins). */
  standard: 'standard@contoso.example',
  /** Contoso standard user with TOTP enrolled using DEMO_TOTP_SECRET. */
  mfa: 'mfa@contoso.example',
  /** Contoso standard user who is not permitted Microsoft 365 data. */
  restricted: 'restricted@contoso.example',
  /** Fabrikam manager, in an organization with Microsoft 365 turned off. */
  fabrikam: 'owner@fabrikam.example',
} as const

export type DemoAccount = keyof typeof DEMO_ACCOUNTS
