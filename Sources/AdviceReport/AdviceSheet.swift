/// The advice sheet as a document: every text already in one language, every number already formatted and
/// rounded for reading. Built once; the terminal and PDF renderers only lay it out.
public struct AdviceSheet: Sendable, Equatable {
    public var language: String
    /// Who reads this copy: the household never sees the advisor's warnings and assumptions.
    public var audience: Audience
    public var title: String
    /// The printed office copy's title in place of ``title``: it says it is the copy for the file. Nil on the
    /// household's copy.
    public var fileCopyTitle: String? = nil
    public var visitLine: String
    /// The office copy: who advised the household; nil on the household's copy and when the visit names nobody.
    public var advisorLine: String? = nil
    public var officeLine: String?
    /// One page per recorded energy debt, printed before the savings: what happens by which date, what to do and
    /// sign, whom to call. Empty without debts.
    public var energyDebt: [DebtPage] = []
    public var consumption: Section
    public var scale: BenchmarkScale
    public var steps: StepTable
    /// The cheaper tariff, apart from the savings: it changes the price, not the use.
    public var tariffSwitch: Section
    /// Steps that need a measurement before anything can be promised (a fridge known only by its age).
    public var checkFirst: Section
    public var notRecommended: Section
    public var split: Section
    public var installment: Section
    public var tips: Section
    public var followUp: String
    /// For the advisor and the office copy: warnings, assumptions and the technical figures.
    public var warnings: Section
    public var assumptions: Section
    /// The prices the figures rest on: on the household's copy in its own words, on the office copy with the
    /// suppliers' names and the sources.
    public var sources: Section
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
        /// What to do, in order, each with its last day.
        public var stepsHeading: String
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

    public struct Section: Sendable, Equatable {
        public var heading: String
        public var lines: [String]

        public var isEmpty: Bool { lines.isEmpty }
    }

    /// The A–G scale: one label per class and where the household stands.
    public struct BenchmarkScale: Sendable, Equatable {
        public var letters: [String]
        /// "bis 900 kWh" … "über 2.700 kWh"
        public var labels: [String]
        public var householdIndex: Int
        /// The class that holds the average household.
        public var averageIndex: Int
        public var youAreHere: String
        /// Text under the average marker.
        public var averageLabel: String
    }

    public struct StepTable: Sendable, Equatable {
        public var heading: String
        public var header: [String]
        public var rows: [Step]
        public var total: [String]
        /// Under the table: the range of the total, and what a mark for estimates means.
        public var notes: [String]
    }

    public struct Step: Sendable, Equatable {
        public var title: String
        public var why: String
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
