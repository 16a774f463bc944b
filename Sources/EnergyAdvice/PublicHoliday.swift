/// A German state, by its ISO 3166-2 code: its public holidays are not working days.
public enum GermanState: String, Sendable, CaseIterable {
    /// Baden-Württemberg, Bayern, Berlin, Brandenburg, Bremen, Hamburg, Hessen, Mecklenburg-Vorpommern.
    case badenWuerttemberg = "BW"
    case bavaria = "BY"
    case berlin = "BE"
    case brandenburg = "BB"
    case bremen = "HB"
    case hamburg = "HH"
    case hesse = "HE"
    case mecklenburgVorpommern = "MV"
    /// Niedersachsen, Nordrhein-Westfalen, Rheinland-Pfalz, Saarland, Sachsen, Sachsen-Anhalt, Schleswig-Holstein,
    /// Thüringen.
    case lowerSaxony = "NI"
    case northRhineWestphalia = "NW"
    case rhinelandPalatinate = "RP"
    case saarland = "SL"
    case saxony = "SN"
    case saxonyAnhalt = "ST"
    case schleswigHolstein = "SH"
    case thuringia = "TH"
}

/// A public holiday as a rule for any year, where it applies, and since when.
public struct PublicHoliday: Sendable, Equatable {
    /// Its name in the law ("Buß- und Bettag").
    public var name: String
    /// How its date follows from the year.
    public var rule: HolidayRule
    /// The states it is a holiday in; empty: all.
    public var states: [GermanState]
    /// The first year it is a holiday; nil: as far back as esp needs.
    public var fromYear: Int?
    /// The last year; nil while in force.
    public var untilYear: Int?
    /// The law that makes it a holiday.
    public var source: Source

    /// A holiday as the loader read it.
    public init(
        name: String, rule: HolidayRule, states: [GermanState] = [], fromYear: Int? = nil, untilYear: Int? = nil,
        source: Source
    ) {
        self.name = name
        self.rule = rule
        self.states = states
        self.fromYear = fromYear
        self.untilYear = untilYear
        self.source = source
    }

    /// True when the holiday applies in `state` (nil: a place whose state is unknown gets the nationwide ones).
    public func applies(in state: GermanState?) -> Bool {
        states.isEmpty || state.map(states.contains) == true
    }

    /// Its date in `year`, or nil when it is no holiday that year.
    public func date(in year: Int) -> CalendarDate? {
        if let fromYear, year < fromYear { return nil }
        if let untilYear, year > untilYear { return nil }
        return rule.date(in: year)
    }
}

/// How a holiday's date follows from the year.
public enum HolidayRule: Sendable, Equatable {
    /// The same day every year (1 May).
    case fixed(month: Int, day: Int)
    /// Days after Easter Sunday, negative before it (Good Friday −2, Whit Monday +50).
    case easter(offsetDays: Int)
    /// The last given ISO weekday (1 Monday … 7 Sunday) on or before a day: Buß- und Bettag is the Wednesday on or
    /// before 22 November.
    case weekdayOnOrBefore(weekday: Int, month: Int, day: Int)

    /// The date in `year`; nil when it does not exist (29 February of a common year).
    public func date(in year: Int) -> CalendarDate? {
        switch self {
        case .fixed(let month, let day):
            return CalendarDate(year: year, month: month, day: day)
        case .easter(let offset):
            return CalendarDate.easterSunday(year: year)?.adding(days: offset)
        case .weekdayOnOrBefore(let weekday, let month, let day):
            guard let limit = CalendarDate(year: year, month: month, day: day) else { return nil }
            return limit.adding(days: -((limit.weekday - weekday + 7) % 7))
        }
    }
}

/// Working days in the sense of § 41f EnWG: Monday to Saturday without the public holidays of the place.
public struct WorkingDayCalendar: Sendable, Equatable {
    /// The holidays of the place, nationwide, of its state and of its own.
    public let holidays: [PublicHoliday]

    /// The calendar of a place in `state` (nil: only the nationwide holidays) with its own extra holidays.
    public init(state: GermanState?, holidays: [PublicHoliday], local: [PublicHoliday] = []) {
        self.holidays = holidays.filter { $0.applies(in: state) } + local
    }

    /// The holiday on `date`, if any.
    public func holiday(on date: CalendarDate) -> PublicHoliday? {
        holidays.first { $0.date(in: date.year) == date }
    }

    /// Monday to Saturday and no holiday.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.weekday != 7 && holiday(on: date) == nil
    }

    /// The first day from `date` on (`date` itself included) on which offices are open: Monday to Friday and no
    /// holiday. A Saturday is a working day for the law's periods, but no office takes an application then.
    public func firstOfficeDay(from date: CalendarDate) -> CalendarDate {
        var day = date
        // A holiday run is at most a few days long; the bound only guards the end of the calendar.
        for _ in 0..<14 {
            if day.weekday <= 5 && holiday(on: day) == nil { return day }
            guard let next = day.adding(days: 1) else { break }
            day = next
        }
        return day
    }

    /// The day after the `count`-th working day after `date`: the first day on which `count` whole working days lie
    /// between `date` and it (neither day counted, § 187 Abs. 1 BGB by analogy). Also the holidays passed over on
    /// Monday to Saturday, for the advisor to check. Nil beyond the calendar.
    public func dayAfter(workingDays count: Int, after date: CalendarDate) -> (
        day: CalendarDate, holidaysSkipped: [SkippedHoliday]
    )? {
        var day = date
        var counted = 0
        var skipped: [SkippedHoliday] = []
        while counted < count {
            guard let next = day.adding(days: 1) else { return nil }
            day = next
            if day.weekday == 7 { continue }
            if let holiday = holiday(on: day) {
                skipped.append(SkippedHoliday(date: day, name: holiday.name, source: holiday.source))
            } else {
                counted += 1
            }
        }
        guard let after = day.adding(days: 1) else { return nil }
        return (after, skipped)
    }
}

/// A public holiday that fell on a Monday to Saturday within a period of working days, so it did not count.
public struct SkippedHoliday: Sendable, Equatable {
    /// The day.
    public var date: CalendarDate
    /// Its name in the law.
    public var name: String
    /// The law that makes it a holiday.
    public var source: Source

    /// A holiday passed over.
    public init(date: CalendarDate, name: String, source: Source) {
        self.date = date
        self.name = name
        self.source = source
    }
}
