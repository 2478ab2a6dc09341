/**
 * Stable diagnostic codes. Tools and documentation refer to them; never renumber.
 * The table with severities lives in docs/language.md.
 */
export const IssueCodes = {
    Syntax: 'HRK000',
    DuplicateName: 'HRK001',
    UnresolvedReference: 'HRK002',
    PropertyMissingOrRepeated: 'HRK003',
    TreeWithoutNodesOrStart: 'HRK010',
    UnreachableNode: 'HRK011',
    Cycle: 'HRK012',
    BadAnswers: 'HRK013',
    AllAnswersSame: 'HRK014',
    PathWithoutAdvice: 'HRK015',
    MissingCharacteristic: 'HRK020',
    BadCharacteristicValue: 'HRK021',
    FundingAppliesToNone: 'HRK030',
    NoStructuralFunding: 'HRK031',
    ScenarioUnknown: 'HRK040',
    Expired: 'HRK050',
    ContentWithoutProvenance: 'HRK060',
    BadProvenance: 'HRK061',
    UnknownCalculationName: 'HRK070',
    UnitMismatch: 'HRK071',
    BranchNeverApplies: 'HRK072',
    MissingElse: 'HRK073',
    DivisionByZero: 'HRK074',
    OutcomeWithoutUnit: 'HRK075',
    CalculationCycle: 'HRK076',
    CalculationNotAllowed: 'HRK077'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];
