import { Type, type Static } from 'typebox'

export const SignInBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
})
export type SignInBody = Static<typeof SignInBody>

export const SignInReply = Type.Object({ mfaRequired: Type.Boolean() })
export type SignInReply = Static<typeof SignInReply>

/** A 6-digit TOTP code, or a recovery code in the form `xxxxx-xxxxx`. */
export const MfaBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 32 }) })
export type MfaBody = Static<typeof MfaBody>

export const PasswordChangeBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  newPassword: Type.String({ minLength: 12, maxLength: 1024 }),
})
export type PasswordChangeBody = Static<typeof PasswordChangeBody>

export const TotpStartReply = Type.Object({
  secret: Type.String(),
  otpauthUrl: Type.String(),
  /** The otpauth URL as an SVG QR code in a `data:` URL, ready for an `<img>`. */
  qrCodeDataUrl: Type.String(),
})
export type TotpStartReply = Static<typeof TotpStartReply>

export const TotpCodeBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 32 }) })
export type TotpCodeBody = Static<typeof TotpCodeBody>

export const TotpConfirmReply = Type.Object({ recoveryCodes: Type.Array(Type.String()) })
export type TotpConfirmReply = Static<typeof TotpConfirmReply>

export const InvitationBody = Type.Object({
  token: Type.String({ minLength: 16, maxLength: 256 }),
  password: Type.String({ minLength: 12, maxLength: 1024 }),
})
export type InvitationBody = Static<typeof InvitationBody>

export const InvitationReply = Type.Object({ email: Type.String(), mfaRequired: Type.Boolean() })
export type InvitationReply = Static<typeof InvitationReply>

/** Minimum length of a new password, enforced by the schemas above. */
export const MIN_PASSWORD_LENGTH = 12
