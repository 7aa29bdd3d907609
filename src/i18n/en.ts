/**
 * English texts: the method's fixed content (skills, steps, prompts, triage) used by
 * both the plan and the walk, and the CLI's own messages. Every language mirrors these keys.
 */
export const en = {
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
  plan: {
    notApplicable: 'not applicable',
  },
  summary: {
    overall: 'Overall CSQ',
    improve: 'Areas to improve',
    notApplicable: 'not applicable',
    wrote: 'Wrote',
  },
} as const;

type Widen<T> = T extends string ? string : T extends readonly (infer U)[] ? readonly Widen<U>[] : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language's catalogue must have. */
export type Messages = Widen<typeof en>;
