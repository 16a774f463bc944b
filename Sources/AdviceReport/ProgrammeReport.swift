/// A printed programme report as a document: every text already in the staff's language and every number already
/// formatted, so a renderer only lays it out. Built by OfficeReports from the register's summary; drawn by
/// AdvicePDF. Holds no names, addresses, notes or visit ids.
public struct ProgrammeReport: Sendable, Equatable {
    public var language: String
    public var title: String
    public var subtitle: String
    public var keyFiguresHeading: String
    /// Label and value, e.g. "Beratene Haushalte" – "1.204"; none for a report that opens with its tables.
    public var keyFigures: [KeyFigure]
    /// Tables after the key figures: measured beside expected, cities side by side.
    public var tables: [Table]
    public var charts: [Chart]
    /// Further sections: how the figures were made.
    public var sections: [Section]
    public var footer: String

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

    public struct KeyFigure: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A table of text cells: a label column, then one column per figure (or per city), figures aligned by their
    /// last digit.
    public struct Table: Sendable, Equatable {
        public var title: String
        /// The columns' headings; the first heads the labels (and may be empty).
        public var columns: [String]
        public var rows: [Row]
        /// Lines under the table: what its words and marks mean.
        public var notes: [String]

        public init(title: String, columns: [String], rows: [Row], notes: [String] = []) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.notes = notes
        }

        public struct Row: Sendable, Equatable {
            public var label: String
            /// One cell per column after the label's.
            public var cells: [String]

            public init(label: String, cells: [String]) {
                self.label = label
                self.cells = cells
            }
        }
    }

    /// A chart of horizontal bars, one per label, drawn in black and white. The bars encode one quantity (the
    /// chart's title names it); the households a bar rests on stand in a column of their own, never as a bar.
    public struct Chart: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// One bar per row, its length the value.
            case bars
            /// One bar split into segments, each row a segment, with a legend.
            case stacked
        }

        public var title: String
        public var kind: Kind
        public var rows: [Row]
        /// The heading of the households column ("Haushalte"); nil: no such column (the bars are households).
        public var countHeading: String?
        /// Shown instead of an empty chart.
        public var emptyText: String

        public init(title: String, kind: Kind, rows: [Row], countHeading: String? = nil, emptyText: String = "") {
            self.title = title
            self.kind = kind
            self.rows = rows
            self.countHeading = countHeading
            self.emptyText = emptyText
        }

        public struct Row: Sendable, Equatable {
            public var label: String
            /// The bar's length in the chart's unit; nil for a row that is shown but not drawn (withheld).
            public var value: Double?
            /// The value as printed beside the bar.
            public var shown: String
            /// The households the value rests on, as printed in the chart's households column.
            public var count: String?

            public init(label: String, value: Double?, shown: String, count: String? = nil) {
                self.label = label
                self.value = value
                self.shown = shown
                self.count = count
            }
        }
    }

    public struct Section: Sendable, Equatable {
        public var heading: String
        public var lines: [String]

        public init(heading: String, lines: [String]) {
            self.heading = heading
            self.lines = lines
        }
    }
}
