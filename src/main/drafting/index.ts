// "What do we say?": communication plans, drafts from templates (en, fr), checks, and the Word document.
// Pure functions (writeDocx only builds a buffer); no database, no Electron.
export { buildPlan, officialLanguages, type PlanOptions } from './plan/build-plan';
export type { ElectionAuthority } from './plan/reliable-sources';
export { renderDraft, TEMPLATES, type TemplateInput } from './templates';
export { runChecks, CHECKS, CHECKS_FOR, type CheckContext } from './checks';
export { prepareCheckContext } from './checks/context';
export { readingGrade, textStats } from './readability/reading-grade';
export { frenchSyllables } from './readability/french-syllables';
export { writeDocx, TEMPLATE_NAMES, type DocxMeta } from './docx/write-docx';
export { markingLine, isApproved } from './docx/markings';
export { SOCIAL_POST_LIMIT, socialPostText, postLength } from './templates/social-post';
