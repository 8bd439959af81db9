// Word lists for the large-tenant generator: realistic, varied names (accents, non-Latin
// scripts, apostrophes) so search folding and sorting get exercised at scale.

export const GIVEN_NAMES = [
  'Ada', 'Adele', 'Ahmed', 'Aiko', 'Alejandro', 'Amara', 'Anders', 'Anna', 'Arjun', 'Astrid', 'Beatriz', 'Bjørn',
  'Camille', 'Carlos', 'Chen', 'Chloé', 'Dmitri', 'Elif', 'Emma', 'Élodie', 'Fatima', 'Felix', 'François', 'Giulia',
  'Hana', 'Hiroshi', 'İlkay', 'Ingrid', 'Isabel', 'Jakub', 'José', 'Julia', 'Kenji', 'Lars', 'Leila', 'Liam',
  'Łukasz', 'Maëlle', 'Mateo', 'Mei', 'Miguel', 'Mohammed', 'Nadia', 'Noah', 'Olga', 'Omar', 'Priya', 'Rafael',
  'Ravi', 'Sakura', 'Sofia', 'Søren', 'Tariq', 'Thomas', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zoë', 'Žofia',
]

export const FAMILY_NAMES = [
  'Andersson', 'Bauer', 'Becker', 'Chen', 'Costa', 'Da Silva', 'Dubois', 'Fernández', 'Fischer', 'García', 'Hansen',
  'Horvát', 'Ivanova', 'Jensen', 'Kowalski', 'Kumar', 'Larsen', 'Lefèvre', 'Li', 'López', 'Martin', 'Müller',
  'Nakamura', 'Nguyễn', 'Novák', "O'Brien", 'Øberg', 'Patel', 'Petrov', 'Ramírez', 'Rossi', 'Sato', 'Schmidt',
  'Silva', 'Straße', 'Suzuki', 'Tanaka', 'Van den Berg', 'Wagner', 'Wang', 'Weber', 'Yılmaz', 'Zhang', 'Żółć',
]

export const DEPARTMENTS = ['Sales', 'Marketing', 'Finance', 'Operations', 'Engineering', 'Support', 'Legal', 'HR', 'IT']

export const JOB_TITLES = ['Manager', 'Specialist', 'Analyst', 'Coordinator', 'Director', 'Assistant', 'Engineer', 'Consultant']

export const CITIES: Array<{ city: string; state: string; country: string }> = [
  { city: 'Seattle', state: 'Washington', country: 'US' },
  { city: 'London', state: 'England', country: 'GB' },
  { city: 'Amsterdam', state: 'Noord-Holland', country: 'NL' },
  { city: 'München', state: 'Bayern', country: 'DE' },
  { city: 'Lyon', state: 'Auvergne-Rhône-Alpes', country: 'FR' },
  { city: 'São Paulo', state: 'São Paulo', country: 'BR' },
  { city: 'Bengaluru', state: 'Karnataka', country: 'IN' },
]

export const APPS = ['Office 365 Exchange Online', 'Microsoft Teams', 'Office 365 SharePoint Online', 'Microsoft Office', 'Azure Portal', 'My Apps']

/** Sign-in failures: real Entra error codes with failure texts like the ones Graph returns. */
export const SIGN_IN_FAILURES = [
  { code: 50126, reason: 'Error validating credentials due to invalid username or password.' },
  { code: 50053, reason: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.' },
  { code: 50057, reason: 'The user account is disabled.' },
  { code: 53003, reason: 'Access has been blocked by Conditional Access policies.' },
  { code: 50074, reason: 'Strong Authentication is required.' },
  { code: 50076, reason: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.' },
]

export const DEVICE_MODELS = [
  { os: 'Windows', version: '10.0.22631.4460', manufacturer: 'Dell Inc.', model: 'Latitude 7440', trustType: 'AzureAd' },
  { os: 'Windows', version: '10.0.19045.5131', manufacturer: 'LENOVO', model: 'ThinkPad T14 Gen 3', trustType: 'ServerAd' },
  { os: 'MacMDM', version: '14.6.1', manufacturer: 'Apple', model: 'MacBook Pro', trustType: 'Workplace' },
  { os: 'iOS', version: '17.6.1', manufacturer: 'Apple', model: 'iPhone 15', trustType: 'Workplace' },
  { os: 'Android', version: '14.0', manufacturer: 'samsung', model: 'SM-S918B', trustType: 'Workplace' },
]
