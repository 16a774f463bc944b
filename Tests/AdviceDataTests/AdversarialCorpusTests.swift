import AdviceData
import CorpusManifest
import Foundation
import TestSupport
import Testing

extension AdversarialCorpus.Entry: CustomTestStringConvertible {
    /// The corpus-relative file name, as the test run lists the case.
    public var testDescription: String { file }
    /// Shown with a failure, so whoever changes the answer sees what was known to be wrong with it.
    var comment: Comment? { knownProblem.map { Comment(rawValue: "known problem: \($0)") } }
}

@Suite("Adversarial corpus: visit and tariff files")
struct AdversarialCorpusTests {
    @Test func manifestNamesEveryCorpusFile() throws {
        let manifest = try AdversarialCorpus.manifest()
        let named = manifest.map(\.file)
        #expect(named.count >= 50)
        #expect(Set(named).count == named.count, "a file is listed twice")
        #expect(named.sorted() == (try AdversarialCorpus.filesOnDisk(kinds: AdversarialCorpus.kinds)))
        // Nothing outside the kind folders but the manifest and the script that made the files.
        let top = try FileManager.default.contentsOfDirectory(atPath: AdversarialCorpus.folder).sorted()
        #expect(top == (AdversarialCorpus.kinds + ["expected.json", "generate.py"]).sorted())
        for kind in AdversarialCorpus.kinds {
            #expect(manifest.contains { $0.kind == kind }, "no \(kind) entries")
        }
    }

    // MARK: Visit files

    @Test(arguments: try AdversarialCorpus.entries(kind: "visit"))
    func visitFile(_ entry: AdversarialCorpus.Entry) throws {
        let expected = try entry.expectedText()
        let bytes = try entry.bytes()
        let error = caught { () throws(DataError) in try VisitDecoder.decode(bytes, path: entry.file) }
        #expect(error?.description == expected, entry.comment)
        // Reading the file from disk gives the same answer, with the path it was given.
        let loaded = caught { () throws(DataError) in try VisitDecoder.load(path: entry.path) }
        #expect(loaded?.description == expected?.replacingOccurrences(of: entry.file, with: entry.path), entry.comment)
    }

    /// A 10 MB string is refused by the document's size before it is parsed, and a file that large before it is read.
    @Test func tenMegabyteStringIsRefusedBySize() throws {
        let text = "{\"schema\": \"esp-visit/1\", \"notes\": \"" + String(repeating: "x", count: 10_000_000) + "\"}"
        let bytes = Array(text.utf8)
        let error = caught { () throws(DataError) in
            try VisitDecoder.decode(bytes, path: "visit/ten-megabyte-string.json")
        }
        #expect(
            error?.description
                == "visit/ten-megabyte-string.json:1:1: not valid JSON: the document is larger than 1048576 bytes")

        let dir = try TemporaryDirectory()
        let path = dir.path + "/ten-megabyte-string.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded = caught { () throws(DataError) in try VisitDecoder.load(path: path) }
        #expect(
            loaded?.description
                == "\(path): the file is larger than 1048576 bytes; a visit file is a few kilobytes — is this the right file?"
        )
    }

    /// One byte over the limit is enough; exactly at the limit the file is read and parsed.
    @Test func visitFileJustOverOneMebibyte() throws {
        let dir = try TemporaryDirectory()
        let limit = VisitDecoder.maxFileBytes
        let over = dir.path + "/over.json"
        try Data(repeating: UInt8(ascii: " "), count: limit + 1).write(to: URL(fileURLWithPath: over))
        #expect(
            caught { () throws(DataError) in try VisitDecoder.load(path: over) }
                == .fileTooLarge(path: over, limitBytes: limit))
        let at = dir.path + "/at.json"
        try Data(repeating: UInt8(ascii: " "), count: limit).write(to: URL(fileURLWithPath: at))
        #expect(caught { () throws(DataError) in try VisitDecoder.load(path: at) } == .emptyFile(path: at))
    }

    // MARK: Tariff files

    @Test(arguments: try AdversarialCorpus.entries(kind: "tariff-reference"))
    func referenceFile(_ entry: AdversarialCorpus.Entry) throws {
        let expected = try entry.expectedText()
        let bytes = try entry.bytes()
        let schema = try TariffLibrary(directory: Checkout.tariffs).schema()
        let error = caught { () throws(DataError) in
            try TariffLibrary.readReference(bytes, fileName: entry.file, schema: schema)
        }
        #expect(error?.description == expected, entry.comment)
    }

    /// City files are read as `nuernberg`, with the shipped reference file's sources.
    @Test(arguments: try AdversarialCorpus.entries(kind: "tariff-city"))
    func cityFile(_ entry: AdversarialCorpus.Entry) throws {
        let expected = try entry.expectedText()
        let bytes = try entry.bytes()
        let library = TariffLibrary(directory: Checkout.tariffs)
        let schema = try library.schema()
        let referenceBytes = [UInt8](
            try Data(contentsOf: URL(fileURLWithPath: Checkout.tariffs + "/" + TariffLibrary.referenceFile)))
        let reference = try TariffLibrary.readReference(
            referenceBytes, fileName: "Tariffs/reference.xml", schema: schema)
        let error = caught { () throws(DataError) in
            try TariffLibrary.readCity(
                bytes, fileName: entry.file, expectedID: "nuernberg", schema: schema, sources: reference.sources)
        }
        #expect(error?.description == expected, entry.comment)
    }

    /// Over 4 MiB: refused without parsing when given as bytes, and without reading when found in a Tariffs folder.
    @Test func tariffFileOverFourMebibytes() throws {
        let limit = TariffLibrary.maxFileBytes
        #expect(limit == 4 << 20)
        let schema = try TariffLibrary(directory: Checkout.tariffs).schema()
        var bytes = Array("<?xml version=\"1.0\"?>\n<reference xmlns=\"urn:esp:tariffs:1\">".utf8)
        bytes += Array(repeating: UInt8(ascii: " "), count: limit - bytes.count)
        bytes += Array("</reference>\n".utf8)
        let error = caught { () throws(DataError) in
            try TariffLibrary.readReference(bytes, fileName: "tariff-reference/over-4-mib.xml", schema: schema)
        }
        #expect(error?.description == "tariff-reference/over-4-mib.xml: the file is larger than 4194304 bytes")

        let dir = try TemporaryDirectory()
        let tariffs = try dir.copyTariffs()
        try FileManager.default.removeItem(atPath: tariffs + "/nuernberg.xml")
        #expect(TestFiles.createSparse(tariffs + "/nuernberg.xml", bytes: 64 << 20))
        let problems = TariffLibrary(directory: tariffs).check().errors.map(\.description)
        #expect(problems == ["\(tariffs)/nuernberg.xml: the file is larger than 4194304 bytes"])
    }
}
