// The workflow types the dossier worker registers.
export { dossierWorkflow } from './dossier-workflow.js';
