export const homeStrings = {
  title: 'Home',
  attention: 'Needs your attention',
  confirmations: 'Waiting for your confirmation',
  newAlerts: 'New high and medium alerts',
  seeAllAlerts: 'See all security alerts',
  nothingTitle: 'Nothing needs your attention',
  nothingBody: 'No alert waits for your confirmation, and there are no new high or medium alerts.',
  alertsError: 'security alerts',
  shortcuts: 'Microsoft 365',
  shortcutLabel: (tab: string) => `Open ${tab}`,
  m365Unavailable: 'Microsoft 365 is not available for your account. Your IT provider decides what you can see.',
  loadError: 'your overview',
}
