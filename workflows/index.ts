// The workflow types the dossier worker registers. The dossier interpreter lands here (issue 5).
export {};
