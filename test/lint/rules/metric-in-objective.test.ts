import { ruleTester, yaml } from '../rule-tester.js';

/** A file with one objective a title; the title of objective N is on line 5 + 3N, its value at column 12. */
const file = (...titles: string[]) =>
  yaml(
    'owner: company',
    'cycle: 2026',
    'objectives:',
    ...titles.flatMap((title, n) => [
      `  - id: o${n}`,
      `    title: ${JSON.stringify(title)}`,
      '    key_results: [{ id: buyers, title: Buyers in Europe in thousands, start: 10, target: 14 }]',
    ]),
  );

/** Titles with time bounds, names and versions with digits, and numbers that count nothing. */
const plain = [
  // years, quarters, halves, dates and deadlines
  'Be ready for the 2028 regional elections',
  'Prepare our stores for Cyber Monday 2027',
  'Publish the FY2027 sustainability report on time',
  'Set the hiring plan for H2 2028 with the board',
  'Run every internal service on K8s by Q2 2028',
  'Open the Leeds clinic by 15 March',
  'Ship the redesigned app before June 30th',
  'Finish the warehouse consolidation within nine months',
  'Stabilise the claims platform in 60 days',
  'Close the books over the next 12 months without restatements',
  'Finish the 2026/27 budget before the board meeting',
  "Welcome the class of '27 with a smoother orientation",
  // names and versions that contain digits
  'Upgrade every workstation to Windows 10 before the audit',
  'Move the campus network to IPv6 without downtime',
  'Achieve ISO 9001 certification for the Monterrey plant',
  'Retire Angular 1 from the customer dashboard',
  'Adopt TLS 1.3 on every public endpoint',
  'Make Portal 3.0 the only way vendors submit invoices',
  'Serve every partner API over HTTP/3',
  'Meet GDPR Article 30 duties in every subsidiary',
  'Bring our tier 1 suppliers onto e-invoicing',
  'Offer 24/7 cover for every intensive care unit',
  'Pilot 6G connectivity on the factory floor',
  'Make our 3D scanning service easy to book',
  'Keep the Route 66 stores open through the winter',
  'Bring COVID-19 vaccination clinics into the community',
  'Windows 11 on every laptop in the clinics',
  // number words that count nothing to reach, and idioms
  'Give the three regional call centres one shared knowledge base',
  'Merge the two billing platforms without losing a customer',
  'Stop double-charging members on failed renewals',
  'Double down on mid-market hospitals in Spain',
  'Offer two-factor sign-in to every customer account',
  'Bring the second shift up to day-shift quality',
  'Give every nurse one place to see the rota',
];

/** Titles that carry a metric, each with the metric as the message quotes it. */
const metrics: [string, string][] = [
  ['Grow Japanese subscription revenue to ¥800M', '¥800M'],
  ['Bring in CHF 3m of new private banking assets', 'CHF 3m'],
  ['Reach R$ 12 million in marketplace sales in Brazil', 'R$ 12 million'],
  ['Win 2 billion yen of public contracts in Osaka', '2 billion yen'],
  ['Add A$4.5 million in recurring revenue from resellers', 'A$4.5 million'],
  ['Grow donations to 300,000 rupees a month', '300,000 rupees'],
  ['Lift renewal rates by forty percent among small clinics', 'forty percent'],
  ['Get carbon emissions per shipment down 18 per cent', '18 per cent'],
  ['Increase margin by 150 bps in grocery', '150 bps'],
  ['Quadruple the number of schools using the reading app', 'Quadruple'],
  ['Doubling first-time donors in the northern region', 'Doubling'],
  ['Cut food waste in our kitchens by half', 'by half'],
  ['Grow weekly active readers 4X in the Spanish edition', '4X'],
  ['Process claims 3 times faster with automation', '3 times'],
  ['Grow twice as fast as the market in Canada', 'twice'],
  ['Recruit three hundred new foster carers across the county', 'three hundred'],
  ['Reach half a million listeners for the morning show', 'half a million'],
  ['Vaccinate 12,500 children in the eastern districts', '12,500'],
  ['Reach 50K monthly active users in Poland', '50K'],
  ['Open five new clinics in rural Kenya', 'five'],
  ['Raise the CSAT score to 4.8 across support channels', '4.8'],
  ['Answer every patient call within 90 seconds', '90 seconds'],
  ['Bring mean time to resolve incidents under 4 hours', '4 hours'],
  ['Cut the wait for a first appointment to 10 days', '10 days'],
  ['Become the #1 choice for rural banking', '#1'],
  ['Cut Sev-1 incidents on the trading floor to zero', 'zero'],
  ['Grow revenue to 2M USD in the Nordics', '2M USD'],
];

ruleTester('metric-in-objective').run({
  valid: [
    {
      name: 'time bounds, names and versions with digits, and numbers that count nothing do not fire',
      files: { 'okrs/company.yaml': file(...plain) },
    },
    {
      name: 'a word that names a built-in property of objects ("constructor") is no number',
      files: {
        'okrs/company.yaml': file(
          'Hire a constructor our clinics can rely on',
          'Constructor crews finish every site without rework',
        ),
      },
    },
    {
      name: 'the same titles as key results are not this rule’s business',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: win-europe',
          '    title: Win mid-market buyers across Europe',
          '    key_results: [{ id: arr, title: Grow ARR from $3M to $5M, start: 3, target: 5 }]',
        ),
      },
      clean: true,
    },
  ],
  invalid: [
    {
      name: 'every kind of metric is reported at the title value, the whole metric quoted',
      files: { 'okrs/company.yaml': file(...metrics.map(([title]) => title)) },
      errors: metrics.map(([, metric], n) => ({
        file: 'okrs/company.yaml',
        line: 5 + 3 * n,
        column: 12,
        severity: 'warning' as const,
        target: `o${n}`,
        messageIncludes: `carries the metric "${metric}"; keep`,
      })),
    },
    {
      name: 'the message says what is wrong and how to fix it, and a quoted title is found at its quote',
      files: {
        'okrs/company.yaml': yaml(
          'owner: company',
          'cycle: 2026',
          'objectives:',
          '  - id: win-europe',
          "    title: 'Hit $5M ARR in the mid-market segment'",
          '    key_results: [{ id: arr, title: ARR in millions, start: 3, target: 5 }]',
        ),
      },
      errors: [
        {
          line: 5,
          column: 12,
          target: 'win-europe',
          message:
            'the title of objective "win-europe" carries the metric "$5M"; keep the objective qualitative and move the number into a key result',
        },
      ],
    },
  ],
});
