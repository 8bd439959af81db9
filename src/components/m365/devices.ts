import type { Component } from 'vue'
import { Cpu, Laptop, Monitor, Smartphone, Tablet } from 'lucide-vue-next'
import { m365Strings } from '@/strings/m365'

const DAY_MS = 24 * 60 * 60 * 1000
/** Devices without a sign-in for this long read "Inactive 90+ d". */
export const STALE_AFTER_DAYS = 90

/** Picks a neutral glyph for the operating system family. */
export function osIcon(operatingSystem: string | null): Component {
  const os = (operatingSystem ?? '').toLowerCase()
  if (os.includes('ipad')) return Tablet
  if (os.includes('ios') || os.includes('iphone') || os.includes('android')) return Smartphone
  if (os.includes('mac')) return Laptop
  if (os.includes('windows') || os.includes('linux')) return Monitor
  return Cpu
}

/** Graph's trustType in words; null or an unknown value gets a neutral phrase or the raw value. */
export function joinTypeWord(trustType: string | null): string {
  if (!trustType) return m365Strings.devices.unknownJoin
  return m365Strings.devices.joinTypes[trustType] ?? trustType
}

export function isStale(lastSignInAt: string | null, now = new Date()): boolean {
  if (!lastSignInAt) return false
  const time = Date.parse(lastSignInAt)
  return Number.isFinite(time) && now.getTime() - time >= STALE_AFTER_DAYS * DAY_MS
}
