/// A printed programme report as a document: every text already in the staff's language and every number already
/// formatted, so a renderer only lays it out. Built by AdviceWorkflows from the register's summary; drawn by
/// AdvicePDF. Holds no names, addresses, notes or visit ids.
public struct ProgrammeReport: Sendable, Equatable {
    public var language: String
    public var title: String
    public var subtitle: String
    public var keyFiguresHeading: String
    /// Label and value, e.g. "Beratene Haushalte" – "1.204".
    public var keyFigures: [KeyFigure]
    public var charts: [Chart]
    /// Further sections: calibration, methods.
    public var sections: [Section]
    public var footer: String

    public init(
        language: String, title: String, subtitle: String, keyFiguresHeading: String, keyFigures: [KeyFigure],
        charts: [Chart], sections: [Section], footer: String
    ) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.keyFiguresHeading = keyFiguresHeading
        self.keyFigures = keyFigures
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

    /// A chart of horizontal bars, one per label, drawn in black and white.
    public struct Chart: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// One bar per row, its length the value.
            case bars
            /// One bar per row around a reference line at 1 (100 %), with the low–high interval as whiskers.
            case ratios
            /// One bar split into segments, each row a segment, with a legend.
            case stacked
        }

        public var title: String
        public var kind: Kind
        public var rows: [Row]
        /// Shown instead of an empty chart.
        public var emptyText: String

        public init(title: String, kind: Kind, rows: [Row], emptyText: String = "") {
            self.title = title
            self.kind = kind
            self.rows = rows
            self.emptyText = emptyText
        }

        public struct Row: Sendable, Equatable {
            public var label: String
            /// The bar's length in the chart's unit; nil for a row that is shown but not drawn ("< 5").
            public var value: Double?
            public var low: Double?
            public var high: Double?
            /// The value as printed beside the bar.
            public var shown: String

            public init(label: String, value: Double?, shown: String, low: Double? = nil, high: Double? = nil) {
                self.label = label
                self.value = value
                self.shown = shown
                self.low = low
                self.high = high
            }
        }
    }

    public struct Section: Sendable, Equatable {
        public var heading: String
        public var lines: [String]
        /// Lines to copy as they are (an XML snippet for the city file), set small.
        public var code: [String]

        public init(heading: String, lines: [String], code: [String] = []) {
            self.heading = heading
            self.lines = lines
            self.code = code
        }
    }
}
