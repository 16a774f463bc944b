/// The advice sheet as a document: every text already in one language, every number already formatted and
/// rounded for reading. Built once; the terminal and PDF renderers only lay it out.
public struct AdviceSheet: Sendable, Equatable {
    /// The language tag of the texts: the one asked for, or `de` when its file could not be read.
    public var language: String
    /// Who reads this copy: the household never sees the advisor's warnings and assumptions.
    public var audience: Audience
    /// The household's heading at the top: "Ihre Energiesparberatung".
    public var title: String
    /// The printed office copy's title in place of ``title``: it says it is the copy for the file. Nil on the
    /// household's copy.
    public var fileCopyTitle: String? = nil
    /// The visit's date and number: "Beratung am 14. März 2026 · Nummer HB-2026-0057".
    public var visitLine: String
    /// The office copy: who advised the household; nil on the household's copy and when the visit names nobody.
    public var advisorLine: String? = nil
    /// The advice office's name, address and phone; nil when the city's file names no office.
    public var officeLine: String?
    /// One page per recorded energy debt, printed before the savings: what happens by which date, what to do and
    /// sign, whom to call. Empty without debts.
    public var energyDebt: [DebtPage] = []
    /// Electricity and heating a year, in kWh and about how many €, and how each compares with similar households.
    public var consumption: Section
    /// Where the household's electricity stands on the Stromspiegel's A–G scale.
    public var scale: BenchmarkScale
    /// The recommended steps, each with what it saves the household a year, what it costs and when it pays back.
    public var steps: StepTable
    /// The cheaper tariff, apart from the savings: it changes the price, not the use.
    public var tariffSwitch: Section
    /// Steps that need a measurement before anything can be promised (a fridge known only by its age).
    public var checkFirst: Section
    /// Steps checked that are not worth it, each with the reason.
    public var notRecommended: Section
    /// Who saves the money: the offices and the landlord first, then, printed large, what the household keeps.
    public var split: Section
    /// The monthly advance payment that fits the cost after the steps, and the back-payment or refund the current
    /// one leads to; for a cost the jobcenter, social office or landlord pays, who pays it.
    public var installment: Section
    /// Three or four everyday tips that fit the household.
    public var tips: Section
    /// The line for the date of the next visit, left blank to write on.
    public var followUp: String
    /// For the advisor and the office copy: warnings, assumptions and the technical figures.
    public var warnings: Section
    /// Every default, estimate and constant the figures rest on, with its source; empty on the household's copy.
    public var assumptions: Section
    /// The prices the figures rest on: on the household's copy in its own words, on the office copy with the
    /// suppliers' names and the sources.
    public var sources: Section
    /// The notes at the end: the figures are what households realise on average, what the CO2 counts; the office
    /// copy adds the CO2 of all steps and the calculation rules' version.
    public var smallPrint: [String]
    /// The line at the foot of every page, with `{page}` and `{pages}` still to fill in: only the layout knows
    /// how many pages there are. See ``pageLine(page:of:)``.
    public var pageTemplate: String = "{page}/{pages}"

    /// The foot of page `page` of `pages`: the visit number and "Seite 1 von 2", in the sheet's language. Page
    /// numbers are Western digits in every language, as the sheet's other figures.
    public func pageLine(page: Int, of pages: Int) -> String {
        pageTemplate.replacingOccurrences(of: "{pages}", with: String(pages))
            .replacingOccurrences(of: "{page}", with: String(page))
    }

    /// Whom a copy of the sheet is for.
    public enum Audience: String, Sendable {
        /// The household's own copy.
        case household
        /// The advisor's terminal and the office's file copy: with warnings and assumptions.
        case office
    }

    /// The household's page for one energy debt, in its language.
    public struct DebtPage: Sendable, Equatable {
        /// "Schulden beim Stromanbieter: Was jetzt wichtig ist".
        public var heading: String
        /// The supplier and the arrears, one line each.
        public var facts: [String]
        /// What happens by which date: the letters received, the earliest cut-off, what bars it.
        public var situation: Section
        /// The heading over ``steps``: "Was Sie tun – bis wann".
        public var stepsHeading: String
        /// What to do, in order, each with its last day.
        public var steps: [DebtStepLine]
        /// The letters: what to fill in, sign, keep and send.
        public var letters: Section
        /// Whom to call.
        public var help: Section
    }

    /// One step of the energy-debt path as the household reads it.
    public struct DebtStepLine: Sendable, Equatable {
        /// "Bis Donnerstag, 19. November 2026:"; nil when no legal date presses.
        public var deadline: String?
        /// What to do.
        public var text: String
        /// What to know about it: the plan's figures, the loan's repayment, what follows.
        public var details: [String]
    }

    /// A heading and its paragraphs.
    public struct Section: Sendable, Equatable {
        /// Printed only with lines under it.
        public var heading: String
        /// One paragraph each, in reading order.
        public var lines: [String]

        /// No lines: the section is left off the sheet, heading and all.
        public var isEmpty: Bool { lines.isEmpty }
    }

    /// The A–G scale: one label per class and where the household stands.
    public struct BenchmarkScale: Sendable, Equatable {
        /// "A" … "G", from the least electricity to the most.
        public var letters: [String]
        /// "bis 900 kWh" … "über 2.700 kWh"
        public var labels: [String]
        /// The household's class in ``letters``, from 0 for A.
        public var householdIndex: Int
        /// The class that holds the average household.
        public var averageIndex: Int
        /// Text under the household's marker: "Sie sind hier".
        public var youAreHere: String
        /// Text under the average marker.
        public var averageLabel: String
    }

    /// The table of recommended steps.
    public struct StepTable: Sendable, Equatable {
        /// "Das können Sie tun".
        public var heading: String
        /// The column headings: the step, kWh less a year, € the household saves a year, cost, payback.
        public var header: [String]
        /// One row a step; all LED lamps, or all standby devices, share one row.
        public var rows: [Step]
        /// The last row, one cell a column: "Zusammen", the kWh and the household's € a year, cost and payback empty.
        public var total: [String]
        /// Under the table: the range of the total, and what a mark for estimates means.
        public var notes: [String]
    }

    /// One row of the steps table.
    public struct Step: Sendable, Equatable {
        /// What the step is; ` *` marks a saving estimated for lack of a measurement or a bill.
        public var title: String
        /// Why the step saves, in a sentence or two.
        public var why: String
        /// What the household does, or what was done at the visit; a free item says where to fetch it.
        public var how: String
        /// kWh, €/year, cost, payback — as the header orders them.
        public var cells: [String]
        /// For the office copy: technical figure, realisation factor, range and bound.
        public var advisorNote: String
        /// For a row that stands for several of one kind (LED lamps in twelve rooms): where they are, printed
        /// small.
        public var places: String? = nil
    }
}
