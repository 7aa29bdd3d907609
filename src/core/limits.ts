/**
 * Every size csq accepts, stated once. Each is generous for real use (a real answers
 * file is a few KiB: 25 ratings, a handful of lists and short texts) and small enough
 * that every sum stays an exact integer and every file is answered within a second.
 * Whatever csq writes within these limits, csq reads back: test/e2e/limits.test.ts
 * writes the Result of the largest valid inputs and reads it again.
 */

/** Bytes in any input file (answers, questionnaire, template, stdin). */
export const MAX_INPUT_BYTES = 64 * 1024;

/**
 * Bytes in a saved Result, which is larger than what it is made of: JSON quotes, escapes and
 * indents what YAML writes bare (a backslash doubles), a Result copies the questionnaire's
 * section titles, and a team's merges every respondent's lists. One respondent's largest is
 * 244 KiB; the largest of all, a team of 200 merging 50 items of the longest text into each
 * list, is 1.23 MiB (test/e2e/limits.test.ts). Parsing one at this limit takes no longer than
 * a 64 KiB answers file: long strings cost little, and the tokens are bounded below.
 */
export const MAX_RESULT_BYTES = 2 * 1024 * 1024;

/**
 * Brackets, commas, colons and line breaks in a saved Result over MAX_INPUT_BYTES: what parsing
 * costs. The most any Result has, a team of 200 on a questionnaire of 1,500 statements, is 12,500.
 */
export const MAX_RESULT_TOKENS = 25_000;

/** Characters in one text: a name, a vision, a note, a statement, an idea. Two thousand is a long paragraph. */
export const MAX_TEXT_CHARS = 2000;

/** Characters in a name: the organization's, the respondent's. */
export const MAX_NAME_CHARS = 200;

/** Items in one list of the answers (requirements, policies), and of a team's lists, merged. */
export const MAX_LIST_ITEMS = 50;

/** Characters in an id (a section, a statement, a profile question, a questionnaire). */
export const MAX_ID_CHARS = 64;

/** The questionnaire's shape: the bundled one has 7 sections, 3–5 statements each, a 1–5 scale. */
export const MAX_SECTIONS = 30;
export const MAX_STATEMENTS_PER_SECTION = 50;
export const MAX_IDEAS_PER_SECTION = 50;
export const MAX_PROFILE_QUESTIONS = 10;
/** The highest point of a scale (and so at most 101 points, 0–100). */
export const MAX_SCALE = 100;

/** Customers a month, in the answers' `business:`: more than any one small business serves. */
export const MAX_CUSTOMERS_PER_MONTH = 100_000_000;

/** Respondents combined by `csq team`. */
export const MAX_RESPONDENTS = 200;

/** A survey's responses file (CSV): 100,000 responses of 30 answers fit, and parse in well under a second. */
export const MAX_RESPONSES_BYTES = 16 * 1024 * 1024;

/** At most this many located problems are kept per responses file; the rest are counted. */
export const MAX_RESPONSE_PROBLEMS = 100;

/** Below this many responses, the survey's figures are anecdotes, not measurements. */
export const MIN_SURVEY_RESPONSES = 10;
