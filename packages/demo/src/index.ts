export { DEMO_PASSWORD, demoAccounts, demoAgents, demoCompanies, demoProviders } from './cast';
export type { DemoAccount, DemoAgent, DemoCompany, DemoProvider } from './cast';
export { demoPilgrims } from './pilgrims';
export type { DemoPilgrim, DemoVisaStatus } from './pilgrims';
export { demoId, prng } from './ids';
