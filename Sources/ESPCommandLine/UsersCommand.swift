import AdviceWorkflows
import ArgumentParser
import OfficeReports
import PostgresVisitStore
import RegisterConnection
import VisitRecords

#if canImport(Glibc)
import Glibc
#endif

/// `esp register users`: the users of an office register, managed by its administrator.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the users of an office register: advisors, clerks, the programme lead.",
        discussion: """
            Each user is a PostgreSQL login; what they may see is enforced by the database (row-level security): \
            an advisor their own households and those assigned to them, a clerk the households of their cities, a \
            programme lead the totals only. Passwords are read from standard input (hidden on a terminal); esp \
            sends the server only a SCRAM verifier, never the password.
            """,
        subcommands: [List.self, Add.self, Remove.self, Password.self, Assign.self, Unassign.self],
        defaultSubcommand: List.self)

    /// Options every users command shares.
    struct Common: ParsableArguments {
        @OptionGroup var registerOptions: RegisterOptions
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var staffLanguage: StaffLanguageOption

        func office() async throws -> PostgresVisitStore {
            let location = try registerOptions.location()
            do {
                return try await RegisterConnection.openOffice(location, action: "managing users")
            } catch {
                throw WorkflowError.store(error)
            }
        }

        func text() throws -> StaffText {
            try dataOptions.snapshot(staff: .only([staffLanguage.language])).staff(staffLanguage.language)
        }

        func role(_ role: PostgresVisitStore.Role, _ text: StaffText) -> String { text("register.users.role.\(role)") }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")
        @OptionGroup var common: Common

        func run() async throws {
            let text = try common.text()
            let users = try await call { try await common.office().users() }
            if users.isEmpty { Output.line(text("register.users.none")) }
            for user in users {
                let role = common.role(user.role, text)
                Output.line(
                    user.cities.isEmpty
                        ? text("register.users.line", ["name": .text(user.name), "role": .text(role)])
                        : text(
                            "register.users.lineCities",
                            [
                                "name": .text(user.name), "role": .text(role),
                                "cities": .text(user.cities.joined(separator: ", ")),
                            ]))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is asked for.")

        @Argument(help: ArgumentHelp("The login name (lower-case letters, digits, _).", valueName: "NAME"))
        var name: String

        @Option(name: .long, help: "advisor, clerk or lead.")
        var role: UserRole

        @Option(
            name: .long, parsing: .singleValue,
            help: ArgumentHelp("A clerk's city (repeat for more).", valueName: "CITY"))
        var city: [String] = []

        @OptionGroup var common: Common

        func run() async throws {
            let text = try common.text()
            let user = RegisterUser(name: name, role: role.storeRole, cities: city)
            let password = try Secret.read(
                prompt: text(
                    "register.users.passwordPrompt",
                    ["name": .text(name), "minimum": text.count(PostgresVisitStore.minimumPasswordLength)]))
            do {
                try PostgresVisitStore.check(user, password: password)
            } catch {
                throw CommandFailure(summary: error.description)
            }
            try await call { try await common.office().addUser(user, password: password) }
            Output.line(
                text("register.users.added", ["name": .text(name), "role": .text(common.role(user.role, text))]))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user: no login, no rights; the name stays taken (the audit log names it).")

        @Argument(help: ArgumentHelp("The login name.", valueName: "NAME"))
        var name: String

        @OptionGroup var common: Common

        func run() async throws {
            let text = try common.text()
            try await call { try await common.office().removeUser(name) }
            Output.line(text("register.users.removed", ["name": .text(name)]))
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's password (the administrator for anyone, a user for themselves).")

        @Argument(help: ArgumentHelp("The login name.", valueName: "NAME"))
        var name: String

        @OptionGroup var common: Common

        func run() async throws {
            let text = try common.text()
            let password = try Secret.read(
                prompt: text(
                    "register.users.passwordPrompt",
                    ["name": .text(name), "minimum": text.count(PostgresVisitStore.minimumPasswordLength)]))
            if password.count < PostgresVisitStore.minimumPasswordLength {
                throw CommandFailure(
                    summary: UserProblem.shortPassword(minimum: PostgresVisitStore.minimumPasswordLength).description)
            }
            try await call { try await common.office().setPassword(user: name, password: password) }
            Output.line(text("register.users.password", ["name": .text(name)]))
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let an advisor see and change another advisor's household (a clerk of its city does this).")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @Option(name: .long, help: ArgumentHelp("The advisor's login name.", valueName: "NAME"))
        var to: String

        @OptionGroup var common: Common

        func run() async throws {
            let text = try common.text()
            try await call { try await common.office().assign(visitId: id, to: to) }
            Output.line(text("register.users.assigned", ["visitId": .text(id), "name": .text(to)]))
        }
    }

    struct Unassign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take an assigned household back from an advisor.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "ID"))
        var id: String

        @Option(name: .long, help: ArgumentHelp("The advisor's login name.", valueName: "NAME"))
        var from: String

        @OptionGroup var common: Common

        func run() async throws {
            let text = try common.text()
            try await call { try await common.office().unassign(visitId: id, from: from) }
            Output.line(text("register.users.unassigned", ["visitId": .text(id), "name": .text(from)]))
        }
    }
}

/// The kinds of user `--role` takes.
enum UserRole: String, ExpressibleByArgument, CaseIterable {
    case advisor, clerk, lead

    var storeRole: PostgresVisitStore.Role {
        switch self {
        case .advisor: .advisor
        case .clerk: .clerk
        case .lead: .lead
        }
    }
}

/// Runs a store call, its error as the use cases' error (worded in one place, ``ErrorWords``).
private func call<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as StoreError {
        throw WorkflowError.store(error)
    }
}

/// A password from standard input: hidden while typed on a terminal, else the first line (a script's pipe).
enum Secret {
    static func read(prompt: String) throws -> String {
        let terminal = isatty(0) == 1
        var saved = termios()
        if terminal {
            Output.raw(prompt)
            tcgetattr(0, &saved)
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSANOW, &hidden)
        }
        defer {
            if terminal {
                tcsetattr(0, TCSANOW, &saved)
                Output.raw("\n")
            }
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(summary: "no password on standard input")
        }
        return line
    }
}
