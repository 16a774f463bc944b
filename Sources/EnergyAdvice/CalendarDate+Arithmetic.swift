/// Day arithmetic for legal periods: days later, the weekday, Easter.
extension CalendarDate {
    /// The date of a ``dayNumber``; nil outside the years 1…9999.
    public init?(dayNumber: Int) {
        // The inverse of `dayNumber` (days since 0000-03-01 in 400-year eras of 146,097 days, years starting in
        // March so that the leap day is the last day of a year).
        let era = (dayNumber >= 0 ? dayNumber : dayNumber - 146_096) / 146_097
        let dayOfEra = dayNumber - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` calendar days later (earlier for a negative count); nil beyond the years 1…9999.
    public func adding(days: Int) -> CalendarDate? { CalendarDate(dayNumber: dayNumber + days) }

    /// The ISO weekday: 1 Monday … 6 Saturday, 7 Sunday.
    public var weekday: Int {
        // 1970-01-01, a Thursday, has day number 719,468 ≡ 1 (mod 7).
        (dayNumber % 7 + 2) % 7 + 1
    }

    /// Easter Sunday of a year of the Gregorian calendar (the anonymous Gregorian computus); nil outside 1…9999.
    public static func easterSunday(year: Int) -> CalendarDate? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }
}
