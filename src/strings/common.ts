// Shared wording: navigation, the screen states every view uses, and generic actions.

export const appName = 'ClientOne'

export const nav = {
  label: 'Main',
  home: 'Home',
  alerts: 'Alerts',
  more: 'More',
  back: 'Back',
  /** Accessible name of a tab with a badge, e.g. "Alerts, 2 alerts need your attention". */
  withBadge: (label: string, count: number) => `${label}, ${badgeAnnouncement(count)}`,
}

export function badgeAnnouncement(count: number): string {
  return count === 1 ? '1 alert needs your attention' : `${count} alerts need your attention`
}

/** Badge text: the count, capped at "99+". */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count)
}

export const actions = {
  tryAgain: 'Try again',
  retry: 'Retry',
  refresh: 'Refresh',
  clearFilters: 'Clear filters',
  clearSearch: 'Clear search',
  close: 'Close',
  contactProvider: 'Contact your IT provider',
  copy: 'Copy',
  copied: 'Copied',
  search: 'Search',
}

export const states = {
  stillLoading: 'Still loading…',
  loading: 'Loading',
  notSyncedTitle: 'No Microsoft 365 data yet',
  notSyncedBody: "Your IT provider hasn't synced your organisation yet. Check back later.",
  emptyFilteredBody: 'Nobody matches these filters.',
  emptySearchTitle: (query: string) => `No results for “${query}”`,
  emptySearchBody: 'Check the spelling or try a shorter name.',
  errorTitle: (what: string) => `Couldn't load ${what}`,
  errorBody: 'Something went wrong. Try again in a moment.',
  offlineTitle: "You're offline",
  offlineBody: "This screen hasn't been saved on this device yet. Connect and try again.",
}

export const banners = {
  refreshFailed: (stamp: string) => `Couldn't refresh. Showing data from ${stamp}.`,
  offline: (stamp: string) => `You're offline · Showing data from ${stamp}`,
}

export const sync = {
  updated: (stamp: string) => `Updated ${stamp}`,
  updatedLabel: (stamp: string, relative: string) => `Updated ${stamp}, ${relative}`,
  neverSynced: 'Not synced yet',
  lastSyncFailed: 'Last sync failed',
  lastSyncPartial: 'Last sync was incomplete',
}

export const pullToRefresh = {
  pull: (stamp: string | null) => (stamp ? `Updated ${stamp}` : 'Pull to refresh'),
  release: 'Release to refresh',
  refreshing: 'Refreshing…',
  offline: "You're offline",
}

export const provider = {
  call: 'Call',
  email: 'Email',
  ticket: 'Open a ticket',
  callLabel: (name: string) => `Call ${name}`,
  emailLabel: (name: string) => `Email ${name}`,
  ticketLabel: (name: string) => `Open a ticket with ${name}`,
  noContact: 'Your IT provider has not added contact details yet.',
}

export const notFound = {
  appBar: 'Not found',
  title: "This page doesn't exist",
  body: 'The link may be old or mistyped.',
  action: 'Go to Home',
}
