import CPangoCairo

/// The sizes of an advice sheet, chosen for older readers: body text and the steps table at 11 pt or more, nothing
/// that carries meaning under 9 pt, grey only for what a reader may skip (prices and sources, the page line).
enum SheetStyle {
    typealias Style = Canvas.Style

    static let title = Style(size: 20, bold: true)
    static let visitLine = Style(size: 10)
    static let office = Style(size: 11, bold: true)
    static let heading = Style(size: 13, bold: true)
    static let body = Style(size: 11)
    /// The office copy's warnings, framed at the top.
    static let warning = Style(size: 11, bold: true)

    static let tableHeader = Style(size: 11, bold: true, align: PANGO_ALIGN_RIGHT, figure: true)
    static let tableHeaderFirst = Style(size: 11, bold: true)
    static let stepTitle = Style(size: 11, bold: true)
    static let figure = Style(size: 11, bold: true, align: PANGO_ALIGN_RIGHT, figure: true)
    static let totalTitle = Style(size: 12, bold: true)
    static let totalFigure = Style(size: 12, bold: true, align: PANGO_ALIGN_RIGHT, figure: true)
    static let detail = Style(size: 11)
    /// Where the lamps of a grouped row are (room and count): it carries meaning, so black.
    static let places = Style(size: 10)
    /// The notes under the table (the range, what "*" and "–" mean) and the steps that do not pay.
    static let note = Style(size: 10)

    static let scaleLetter = Style(size: 14, bold: true, align: PANGO_ALIGN_CENTER)
    static let scaleLabel = Style(size: 9, align: PANGO_ALIGN_CENTER)
    static let scaleMarker = Style(size: 10, bold: true, align: PANGO_ALIGN_CENTER)
    static let averageMarker = Style(size: 9, align: PANGO_ALIGN_CENTER)

    static let headline = Style(size: 14, bold: true)
    /// An energy debt's page: its title, the supplier and the arrears, and the deadline over its steps.
    static let debtTitle = Style(size: 16, bold: true)
    static let fact = Style(size: 14, bold: true)
    static let deadline = Style(size: 12, bold: true)
    static let followUp = Style(size: 12, bold: true)
    /// The office copy's assumptions: one line per input, for staff who check a figure.
    static let assumption = Style(size: 9)
    static let smallPrint = Style(size: 9, gray: 0.3)
    static let footer = Style(size: 9, gray: 0.3)
}
