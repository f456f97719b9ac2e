import { ruleTester, yaml } from '../rule-tester.js';

// Each KR kind of SPEC §2, in turn: the rule reads the title whatever measures the KR.
const KINDS = [
  'start: 1, target: 2',
  'target: 5, keep: below, current: 3',
  'done: false',
  'progress: 0.5',
  '',
];

/** A KR on one line each: KR N (id kNN) is on line 7 + N, its title value at column 27. */
const krId = (n: number) => `k${String(n).padStart(2, '0')}`;

const file = (...titles: string[]) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    '  - id: checkout',
    '    title: Make checkout effortless for new buyers',
    '    key_results:',
    ...titles.map((title, n) => {
      const measure = KINDS[n % KINDS.length];
      return `      - { id: ${krId(n)}, title: ${JSON.stringify(title)}${measure ? `, ${measure}` : ''} }`;
    }),
  );

/** Outcomes, nouns spelled like output verbs, and output verbs later in the title. */
const outcomes = [
  'Buyers reorder with one click in every EU market',
  'Build times on CI from 18 to 8 minutes',
  'Release cadence from quarterly to monthly',
  'Hosting costs per customer below $2',
  'Runs that fail on the nightly pipeline below 2%',
  'Launch conversion rate from 12% to 18%',
  'Shipping cost per order from $7.40 to $5.90',
  'Hires still with us after a year from 70% to 85%',
  'Tenants who complete the online form from 30% to 60%',
  'Stores that went live on the new POS from 20 to 80',
  'Write-offs below 0.5% of receivables',
  'Close 15 enterprise deals in EMEA',
  'Grow paying members from 8,000 to 11,000',
  'Keep ward occupancy below 92%',
  'Host uptime across the fleet at 99.95%',
  'Roll-out of the new intranet to all staff',
  'Setup time for a new laptop below 30 minutes',
];

/** Titles that lead with an output verb or say that something goes live, each with what the message quotes. */
const outputs: [string, string][] = [
  ['Relaunched the partner portal for resellers', 'starts with "Relaunched"'],
  ['Rolling out SSO to the contractor workforce', 'starts with "Rolling out"'],
  ['Hiring two staff nurses for the burns unit', 'starts with "Hiring"'],
  ['Wrote the onboarding handbook for new drivers', 'starts with "Wrote"'],
  ['Held 4 listening sessions with tenants', 'starts with "Held"'],
  ['Ran a pricing experiment in three markets', 'starts with "Ran"'],
  ['Organising the annual volunteer conference', 'starts with "Organising"'],
  ['Setting up a data room for the audit', 'starts with "Setting up"'],
  ['[FIN-9] Migrating the ledger to NetSuite', 'starts with "Migrating"'],
  ['CX-401 - redesign the returns page', 'starts with "redesign"'],
  ['KR2: Publish the pricing page in French', 'starts with "Publish"'],
  ['🎉 Shipped the Android widget', 'starts with "Shipped"'],
  ['Closed 300 Jira tickets from the legacy backlog', 'starts with "Closed"'],
  ['We deployed the new triage model to all wards', 'starts with "deployed"'],
  ['The new payroll system goes live in April', 'says "goes live"'],
  ['Mobile banking app is live in Kenya', 'says "is live"'],
  ['JIRA-123 | Implement rate limiting on the public API', 'starts with "Implement"'],
  ['Shipped: dark mode for the web app', 'starts with "Shipped"'],
  ['Payments: roll out Apple Pay to web checkout', 'starts with "roll out"'],
  ['Design and build a self-serve returns portal', 'starts with "Design and build"'],
  ['Rolled-out the new expense tool to finance', 'starts with "Rolled-out"'],
  ['Setup SSO for the finance apps', 'starts with "Setup"'],
];

const extra = {
  'okrs/company.yaml': file(
    'Piloted self check-in kiosks at two branches',
    'Stood up a support desk in Manila',
  ),
};

ruleTester('output-kr').run({
  valid: [
    {
      name: 'outcomes, nouns spelled like output verbs, and output verbs later in the title do not fire',
      files: { 'okrs/company.yaml': file(...outcomes) },
    },
    { name: 'verbs outside the built-in list without the option', files: extra },
  ],
  invalid: [
    {
      name: 'every form of an output verb, after prefixes and emoji, and "goes live", on every KR kind',
      files: { 'okrs/company.yaml': file(...outputs.map(([title]) => title)) },
      errors: outputs.map(([, what], n) => ({
        file: 'okrs/company.yaml',
        line: 7 + n,
        column: 27,
        severity: 'warning' as const,
        target: `checkout/${krId(n)}`,
        messageIncludes: `" ${what}`,
        ...(n === 0
          ? {
              message:
                'key result "checkout/k00" starts with "Relaunched": it counts work done, not an outcome; measure what the work changes instead',
            }
          : {}),
      })),
    },
    {
      name: 'option verbs adds verbs, whose forms and phrases match too',
      files: extra,
      config: yaml('rules:', '  output-kr: [error, { verbs: [Pilot, stand up] }]'),
      errors: [
        { severity: 'error', line: 7, column: 27, messageIncludes: 'starts with "Piloted"' },
        { severity: 'error', line: 8, column: 27, messageIncludes: 'starts with "Stood up"' },
      ],
    },
    {
      name: 'option verbs given directly',
      files: extra,
      options: { verbs: ['Pilot', 'stand up'] },
      errors: [
        { severity: 'warning', line: 7, column: 27, messageIncludes: 'starts with "Piloted"' },
        { severity: 'warning', line: 8, column: 27, messageIncludes: 'starts with "Stood up"' },
      ],
    },
    {
      name: 'option verbs that are names of built-in properties of objects are verbs like any other',
      files: { 'okrs/company.yaml': file('Constructor the new flow for buyers', 'Proto the onboarding') },
      options: { verbs: ['constructor', '__proto__'] },
      errors: [{ severity: 'warning', line: 7, column: 27, messageIncludes: 'starts with "Constructor"' }],
    },
    {
      name: 'the KRs of an objective whose id repeats an earlier one are still checked',
      files: {
        'okrs/a.yaml': file('Buyers reorder with one click in every EU market'),
        'okrs/b.yaml': file('Launch the new checkout flow'),
      },
      errors: [{ file: 'okrs/b.yaml', line: 7, column: 27, severity: 'warning', target: 'checkout/k00' }],
      others: [{ ruleId: 'duplicate-id', file: 'okrs/b.yaml', line: 4, column: 9 }],
    },
  ],
});
