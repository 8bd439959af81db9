import { describe, expect, it } from 'vitest'
import { safeRedirect } from '../../src/router/redirect'

describe('safeRedirect', () => {
  it.each([
    ['/m365/users?status=disabled', '/m365/users?status=disabled'],
    ['/alerts/abc#evidence', '/alerts/abc#evidence'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?redirect=/x', '/'],
    [undefined, '/'],
  ])('maps %s to %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })

  it('uses the first of repeated values', () => {
    expect(safeRedirect(['/more', '/profile'])).toBe('/more')
  })
})
