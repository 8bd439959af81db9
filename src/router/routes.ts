import type { RouteRecordRaw } from 'vue-router'
import type { TabId } from '../../server/contract/index.js'
import SignInView from '../views/SignInView.vue'
import './meta'

// The Home loader stays out of the sign-in chunk; its small chunk loads next to HomeView's.
function prefetchHome(): void {
  void import('../composables/home-data').then((module) => module.prefetchHome())
}

const M365_TITLE = 'Microsoft 365'
const ALERTS_TITLE = 'Security alerts'

function tabRoute(tab: TabId, component: RouteRecordRaw['component']): RouteRecordRaw {
  return {
    path: tab,
    name: `m365-${tab}`,
    component: component!,
    meta: { access: { area: 'm365', tab }, depth: 1, title: M365_TITLE },
  }
}

/** Every PWA route. The sign-in screen is in the first chunk; every other screen loads on demand. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('../views/HomeView.vue'), meta: { depth: 0, prefetch: prefetchHome } },
  { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { public: true, guestOnly: true, depth: 0 } },
  {
    path: '/invitation/:token',
    name: 'invitation',
    component: () => import('../views/InvitationView.vue'),
    props: true,
    meta: { public: true, depth: 0 },
  },
  { path: '/more', name: 'more', component: () => import('../views/MoreView.vue'), meta: { depth: 0 } },
  { path: '/profile', name: 'profile', component: () => import('../views/ProfileView.vue'), meta: { depth: 1 } },
  {
    path: '/m365',
    component: () => import('../views/m365/M365View.vue'),
    meta: { access: { area: 'm365' }, depth: 1, title: M365_TITLE },
    children: [
      { path: '', name: 'm365', redirect: { name: 'm365-overview' } },
      tabRoute('overview', () => import('../views/m365/OverviewTab.vue')),
      tabRoute('users', () => import('../views/m365/UsersTab.vue')),
      tabRoute('mailboxes', () => import('../views/m365/MailboxesTab.vue')),
      tabRoute('groups', () => import('../views/m365/GroupsTab.vue')),
      tabRoute('collaboration', () => import('../views/m365/CollaborationTab.vue')),
      tabRoute('sign-ins', () => import('../views/m365/SignInsTab.vue')),
      tabRoute('devices', () => import('../views/m365/DevicesTab.vue')),
    ],
  },
  {
    path: '/m365/users/:id',
    name: 'm365-user',
    component: () => import('../views/m365/UserDetailView.vue'),
    props: true,
    meta: { access: { area: 'm365', tab: 'users' }, depth: 2, title: 'Users' },
  },
  {
    path: '/alerts',
    name: 'alerts',
    component: () => import('../views/alerts/AlertsListView.vue'),
    meta: { access: { area: 'alerts' }, depth: 0, title: ALERTS_TITLE },
  },
  {
    path: '/alerts/:id',
    name: 'alert',
    component: () => import('../views/alerts/AlertDetailView.vue'),
    props: true,
    meta: { access: { area: 'alerts' }, depth: 1, title: ALERTS_TITLE },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue'), meta: { depth: 0 } },
]
