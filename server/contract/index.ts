// The API's request and response shapes, shared by the server (schemas) and the PWA (`import type` only).
export * from './common.js'
export * from './auth.js'
export * from './settings.js'
export * from './me.js'
export * from './m365.js'
export * from './alerts.js'
