/**
 * English texts: the method's fixed content (skills, steps, prompts, triage) used by
 * both the plan and the walk, and the CLI's own messages. Every language mirrors these keys.
 */
import type { Plural } from './format.js';

export const en = {
  lang: 'en',
  method: {
    skills: {
      greet: { name: 'Greet customers', voice: 'Put me at ease and make me feel comfortable.', tip: 'First impressions set the tone for everything after.' },
      value: { name: 'Value customers', voice: 'Let me know you think I’m important.', tip: 'Show in attitude and behaviour that they make your business possible.' },
      ask: { name: 'Ask how to help', voice: 'Find out what I want.', tip: 'Ask why they came, then ask open questions.' },
      listen: { name: 'Listen', voice: 'Please listen and understand me.', tip: 'Listen to words, tone and body language.' },
      help: { name: 'Help customers', voice: 'Help me get what I want.', tip: 'Sell the benefits, not the features.' },
      invite: { name: 'Invite customers back', voice: 'Let me know I’m welcome back any time.', tip: 'Thank them, and give them a reason to return or to refer a friend.' },
    },
    problemSteps: [
      { name: 'Understand the problem', detail: 'Listen without getting defensive, then repeat your understanding back to the customer.' },
      { name: 'Identify the cause', detail: 'Find out what happened, what should have happened, and what went wrong.' },
      { name: 'Discuss possible solutions', detail: 'Offer options, ask for the customer’s ideas, and agree on a course of action.' },
      { name: 'Resolve the problem', detail: 'Remove or correct the cause, ask whether the customer is satisfied, and offer something for their trouble.' },
    ],
    visionPrompts: {
      tenYears: 'It is ten years from now and you are reading a magazine article about your company. What successes has it had, and what made them?',
      fiveThings: 'List the five things that matter most to your organization.',
      customerShoes: 'Put yourself in your customers’ shoes. What matters most to you as a customer?',
      picture: 'Close your eyes and picture your organization in the future. Describe what you see.',
    },
    policyActions: {
      drop: { group: 'Unfriendly and unnecessary', action: 'Drop it immediately.' },
      'make-friendlier': { group: 'Unfriendly but necessary', action: 'Make it as friendly as possible: tell customers the reason and look for a compromise.' },
      'keep-and-strengthen': { group: 'Friendly and necessary', action: 'Keep it, and strengthen it where you can.' },
      'add-more': { group: 'Friendly though not required', action: 'Add more like it: it is a competitive advantage.' },
    },
  },
  walk: {
    title: 'csq · your customer service plan',
    welcome:
      'In about 10 minutes you will rate 25 statements about your customer service, then note what your customers ask for, write a short customer vision, sort your policies and decide how you will deal with customers{staffPart}. At the end csq writes your plan.',
    welcomeStaffPart: ' and educate your staff',
    savedAsYouGo: 'Every answer is saved as you go. Press Ctrl-C at any time; run csq here again to continue.',
    organization: 'Name of your business or organization',
    respondent: 'Your name (optional)',
    perspectiveStaff: 'Answer for your organization as a whole, not only for yourself.',
    perspectiveSolo: 'Answer from your own perspective.',
    stepA: 'A. Assess your customer service quotient',
    progress: 'Section {section} of {sections}: {title} · statement {statement} of {statements}',
    ratingHelp: 'press {min}–{max}, or ←/→ and Enter',
    sectionScore: '{title}: {score} of {max} points, {percent}%',
    review: 'Continue, or change an answer in this section?',
    reviewContinue: 'Continue',
    scores: 'Your scores',
    proposeImprove: 'Your lowest areas are {areas}. Work on these first?',
    pickImprove: 'Choose one to three areas to improve (space to select, Enter to confirm)',
    pickImproveError: 'Choose one, two or three areas.',
    stepB: 'B. Understand your customers’ requirements',
    requirementsIntro: 'Most organizations think they know what customers require but have never studied it. Keep each list short; press Enter on an empty line to move on.',
    internal: 'What does your own data show? (returns, stock-outs, response times, rework)',
    employees: 'What do your employees hear from customers?',
    topRequests: 'A top customer request ({n} of 3)',
    another: 'Another one? (Enter to move on)',
    soFar: 'So far: {items}',
    compare: 'Compare the lists: any overlap? Any surprises?',
    stepC: 'C. Create your customer vision and service policies',
    visionIntro: 'A vision is a vivid picture of a better future, connected to the customer. Four prompts help; each is optional (Enter skips).',
    fiveThings: 'One of the five things that matter most ({n} of 5)',
    vision: 'Now your customer vision, in a few words',
    visionLong: 'That is {words} words. Short visions are remembered (McDonald’s: “Quality, Service, Cleanliness, Value”). Keep it as it is?',
    policiesIntro: 'Nothing angers a customer more than “Sorry, that’s our policy.” List your policies one by one; press Enter on an empty line when done.',
    policyName: 'A policy',
    policyFriendly: 'Is “{name}” friendly to customers?',
    policyNecessary: 'Is it necessary (required by law, safety or the business)?',
    policyNote: 'A note (optional)',
    triage: 'Your policies, sorted:',
    noPolicies: 'No policies listed; the plan will show how to take the inventory.',
    addFriendly: 'Add new friendly policies that would set you apart from competitors?',
    newFriendly: 'A new friendly policy',
    stepD: 'D. Deal effectively with customers',
    communicationIntro: 'For each of the six communication skills, what will you do? (optional; Enter skips)',
    skill: '{name}: “{voice}”',
    problemSteps: 'When a problem comes up, follow four steps (they will be in your plan):',
    stepE: 'E. Educate your staff',
    kickoff: 'Date of the kickoff meeting (YYYY-MM-DD, optional)',
    owner: 'Who owns the rollout? (optional)',
    training: 'How will you train? (optional)',
    saved: 'Your answers are saved in {file}.',
    resumeHint: 'To continue, run csq here again, or: csq assess --answers {file}',
    wrote: 'Your plan: {plan}\nYour answers: {answers}',
    resumeWhich: 'Unfinished assessments are saved here. Continue one?',
    resumeChoice: '{organization} ({rated} of {total} statements rated, {file})',
    startNew: 'Start a new assessment',
    resumeAnswers: 'Continuing the assessment in {file} ({rated} of {total} statements rated).',
    complete: 'Every question in {file} is answered. Write the plan now?',
    replace: '{file} already exists. Replace it?',
    unnamed: 'your business',
    required: 'Please give the name: it names your answers file and your plan.',
    joinedLines: 'The {count} pasted lines were joined into one.',
    pastedItems: 'Added {count} items from the paste.',
    listFull: 'This list holds at most {max}; left out: {dropped}',
    resumeInvalid: { one: '{file} (cannot be continued: {count} problem)', other: '{file} (cannot be continued: {count} problems)' },
    invalidFile: '{file} cannot be continued until these problems are fixed:',
    renameOrDiscard: 'Rename or discard one of them…',
    manageWhich: 'Which assessment?',
    resumeWhat: 'What do you want to do with {file}?',
    resumeContinue: 'Continue it',
    resumeRename: 'Rename the business',
    resumeDiscard: 'Discard it',
    discardConfirm: 'Delete {file} and everything answered in it?',
    discarded: 'Deleted {file}.',
    renamed: 'Renamed to {organization}: {file}.',
    newName: 'New name of the business',
    locked: '{file} is open in another csq walk (process {pid}). Finish that one first, or run csq with another answers file.',
  },
  /** The prompts' own words (yes/no, key hints). */
  prompts: {
    yes: 'Yes',
    no: 'No',
    answerYesOrNo: 'Please answer {yes} or {no}.',
    lines: '{count} lines',
    keys: { navigate: 'navigate', select: 'select', submit: 'submit', all: 'all', invert: 'invert' },
  },
  /** The answers file: each field's explanation (csq init's comments, the JSON Schema's descriptions). */
  answers: {
    docs: {
      questionnaire: 'The questionnaire these answers are for.',
      lang: 'The language of the plan (en, pt).',
      organization: 'The name of your business or organization.',
      respondent: 'Who answered.',
      date: 'printed in the plan; leave it out for reproducible output',
      profile: 'About your business.',
      ratings: 'One rating per statement.',
      improve: 'optional: 1–3 areas to work on; default: the three lowest',
      requirements: 'What your customers require.',
      'requirements.internal': 'what your own data shows (returns, stock-outs, response times, rework)',
      'requirements.employees': 'what your employees hear from customers',
      'requirements.topRequests': 'your customers’ top three requests',
      vision: 'short: a few words everyone remembers',
      visionNotes: 'The notes behind your vision.',
      policies: 'e.g. - { name: "We don’t do windows", friendly: false, necessary: false }',
      communication: 'what you will do for each skill',
      education: 'Educating your staff.',
      'education.kickoff': 'date of the kickoff meeting, e.g. 2026-12-01',
    },
    init: {
      header: 'Answers for the {title} ({id}). Rate every statement from {min} to {max}:',
      then: 'Then: csq report THIS-FILE -o plan.md    (csq validate THIS-FILE checks it)',
    },
    schema: {
      title: 'Answers to the {title} questionnaire ({id}).',
      rating: 'A rating from {min} ({minLabel}) to {max} ({maxLabel}).',
    },
  },
  summary: {
    overall: 'Overall CSQ',
    improve: 'Areas to improve',
    notApplicable: 'not applicable',
    wrote: 'Wrote',
  },
} as const;

export { fill } from './format.js';

type Widen<T> = T extends string
  ? string
  : T extends { other: string }
    ? Plural
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language's catalogue must have. */
export type Messages = Widen<typeof en>;
