/// A printed programme report as a document: every text already in the staff's language and every number already
/// formatted, so a renderer only lays it out. Built by OfficeReports from the register's summary; drawn by
/// AdvicePDF. Holds no names, addresses, notes or visit ids.
public struct ProgrammeReport: Sendable, Equatable {
    /// The language tag of the staff texts (`de`, `en`).
    public var language: String
    /// The heading at the top: "Energiesparberatung: Bericht für den Stadtrat".
    public var title: String
    /// What the figures cover: the cities and the period, or for a comparison the cities.
    public var subtitle: String
    /// The heading over ``keyFigures``, "Auf einen Blick"; empty without key figures.
    public var keyFiguresHeading: String
    /// Label and value, e.g. "Beratene Haushalte" – "1.204"; none for a report that opens with its tables.
    public var keyFigures: [KeyFigure]
    /// Tables after the key figures: measured beside expected, cities side by side.
    public var tables: [Table]
    /// Bar charts after the tables, each with its own title.
    public var charts: [Chart]
    /// Further sections: how the figures were made.
    public var sections: [Section]
    /// The last line: the day esp made the report and, for the council's report, how the figures came about.
    public var footer: String

    /// Creates the value from all its parts.
    public init(
        language: String, title: String, subtitle: String, keyFiguresHeading: String, keyFigures: [KeyFigure],
        tables: [Table] = [], charts: [Chart], sections: [Section], footer: String
    ) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.keyFiguresHeading = keyFiguresHeading
        self.keyFigures = keyFigures
        self.tables = tables
        self.charts = charts
        self.sections = sections
        self.footer = footer
    }

    /// One line of the key figures.
    public struct KeyFigure: Sendable, Equatable {
        /// What is counted: "Beratene Haushalte".
        public var label: String
        /// The figure as printed, or "geschützt" where it would rest on too few households.
        public var value: String

        /// Creates the value from all its parts.
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A table of text cells: a label column, then one column per figure (or per city), figures aligned by their
    /// last digit.
    public struct Table: Sendable, Equatable {
        /// The heading over the table.
        public var title: String
        /// The columns' headings; the first heads the labels (and may be empty).
        public var columns: [String]
        /// The table's lines, top to bottom.
        public var rows: [Row]
        /// Lines under the table: what its words and marks mean.
        public var notes: [String]

        /// Creates the value from all its parts.
        public init(title: String, columns: [String], rows: [Row], notes: [String] = []) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.notes = notes
        }

        /// One line of the table.
        public struct Row: Sendable, Equatable {
            /// What the line is about, in the first column.
            public var label: String
            /// One cell per column after the label's.
            public var cells: [String]

            /// Creates the value from all its parts.
            public init(label: String, cells: [String]) {
                self.label = label
                self.cells = cells
            }
        }
    }

    /// A chart of horizontal bars, one per label, drawn in black and white. The bars encode one quantity (the
    /// chart's title names it); the households a bar rests on stand in a column of their own, never as a bar.
    public struct Chart: Sendable, Equatable {
        /// How the rows are drawn.
        public enum Kind: Sendable, Equatable {
            /// One bar per row, its length the value.
            case bars
            /// One bar split into segments, each row a segment, with a legend.
            case stacked
        }

        /// What the bars measure, with the unit: "Erwartete Einsparung nach Schritt (€ im Jahr)".
        public var title: String
        /// Separate bars, or segments of one bar.
        public var kind: Kind
        /// One bar or segment each, in drawing order.
        public var rows: [Row]
        /// The heading of the households column ("Haushalte"); nil: no such column (the bars are households).
        public var countHeading: String?
        /// Shown instead of an empty chart.
        public var emptyText: String

        /// Creates the value from all its parts.
        public init(title: String, kind: Kind, rows: [Row], countHeading: String? = nil, emptyText: String = "") {
            self.title = title
            self.kind = kind
            self.rows = rows
            self.countHeading = countHeading
            self.emptyText = emptyText
        }

        /// One bar, or one segment of the stacked bar.
        public struct Row: Sendable, Equatable {
            /// What the bar stands for: a step, a quarter, a language, a city.
            public var label: String
            /// The bar's length in the chart's unit; nil for a row that is shown but not drawn (withheld).
            public var value: Double?
            /// The value as printed beside the bar.
            public var shown: String
            /// The households the value rests on, as printed in the chart's households column.
            public var count: String?

            /// Creates the value from all its parts.
            public init(label: String, value: Double?, shown: String, count: String? = nil) {
                self.label = label
                self.value = value
                self.shown = shown
                self.count = count
            }
        }
    }

    /// A heading and its paragraphs.
    public struct Section: Sendable, Equatable {
        /// The section's heading, e.g. how the figures were made.
        public var heading: String
        /// One paragraph each, in reading order.
        public var lines: [String]

        /// Creates the value from all its parts.
        public init(heading: String, lines: [String]) {
            self.heading = heading
            self.lines = lines
        }
    }
}
