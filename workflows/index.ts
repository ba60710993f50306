// The workflow types the dossier worker registers.
export { dossierWorkflow } from './dossier-workflow.js';
export { monthlyReportsWorkflow } from './reports/monthly-reports.js';
