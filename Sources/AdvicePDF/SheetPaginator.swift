import AdviceReport

/// A piece of a sheet that is never cut: a heading, a line, a table row, the scale, a section kept whole.
struct Block {
    var height: Double
    /// Laid out from the block's top (y = 0).
    var elements: [PageElement]
    /// Space above the block, dropped at the top of a page.
    var spaceBefore = 0.0
    /// The next block must start on the same page: a heading and its first lines, a section kept whole, the last
    /// step with the table's total and notes.
    var keepWithNext = false
    /// Printed again at the top of a page the block starts after a break: the table's column headings.
    var repeatedHeader: RepeatedHeader?
    /// The follow-up line and the small print: a page must not hold only these.
    var isTrailer = false
    /// The block begins a new page (the savings after the page of an energy debt).
    var startsPage = false
}

/// The blocks of a table's heading row, repeated after a page break.
struct RepeatedHeader {
    var height: Double
    var elements: [PageElement]
}

/// The printable area of an A4 page: where blocks go, and where the page line sits.
struct PageGeometry {
    static let a4 = PageGeometry()

    var left = 32.0
    var width = Canvas.a4Width - 64
    var top = 30.0
    /// Blocks end above this; the page line sits below it.
    var bottom = Canvas.a4Height - 38
    var footerY = Canvas.a4Height - 28

    var height: Double { bottom - top }
}

/// Puts blocks on pages: a block that does not fit starts a new page, together with every block glued to it
/// (``Block/keepWithNext``); only a chain taller than a whole page is broken, between its blocks.
struct SheetPaginator {
    let geometry: PageGeometry

    /// One page as filled: its elements, and which blocks they came from.
    struct Placed {
        var elements: [PageElement] = []
        var blocks: [Int] = []
    }

    /// The pages, each with the elements placed on it.
    func paginate(_ blocks: [Block]) -> [Placed] {
        var pages = [Placed()]
        var y = geometry.top
        // Nothing but a repeated table heading on the page yet: breaking again would loop.
        var fresh = true
        var index = 0

        func newPage(before block: Block) {
            pages.append(Placed())
            y = geometry.top
            fresh = true
            if let header = block.repeatedHeader {
                pages[pages.count - 1].elements += header.elements.map { $0.moved(by: y) }
                y += header.height
            }
        }

        while index < blocks.count {
            let block = blocks[index]
            let gap = fresh ? 0 : block.spaceBefore
            var chain = gap + block.height
            var last = index
            while blocks[last].keepWithNext, last + 1 < blocks.count {
                last += 1
                chain += blocks[last].spaceBefore + blocks[last].height
            }
            if block.startsPage && !fresh {
                newPage(before: block)
                continue
            }
            let room = geometry.bottom - y
            let fitsOnAPage = chain - gap <= geometry.height - (block.repeatedHeader?.height ?? 0)
            if !fresh && ((chain > room && fitsOnAPage) || gap + block.height > room) {
                newPage(before: block)
                continue
            }
            pages[pages.count - 1].elements += block.elements.map { $0.moved(by: y + gap) }
            pages[pages.count - 1].blocks.append(index)
            y += gap + block.height
            fresh = false
            index += 1
        }
        return pages
    }

    /// The pages of one copy: never a page with nothing but the follow-up line and small print on it. When they
    /// would stand alone, the last section before them goes to that page too.
    func paginateCopy(_ blocks: [Block]) -> [Placed] {
        let pages = paginate(blocks)
        guard pages.count > 1, let last = pages.last, last.blocks.allSatisfy({ blocks[$0].isTrailer }),
            let lastContent = blocks.lastIndex(where: { !$0.isTrailer })
        else { return pages }
        var glued = blocks
        for index in lastContent..<blocks.count - 1 { glued[index].keepWithNext = true }
        return paginate(glued)
    }

    /// The pages of one sheet. Where it saves the household a page: tighter gaps between sections, then fewer of
    /// the everyday tips (at least one stays). The office copy keeps everything.
    func fitted(_ sheet: AdviceSheet, canvas: Canvas) -> [Placed] {
        func layout(spacing: Double, tips: Int?) -> (blocks: [Block], pages: [Placed]) {
            let blocks = SheetLayout(canvas: canvas, sheet: sheet, geometry: geometry, spacing: spacing, tipLimit: tips)
                .blocks()
            return (blocks, paginateCopy(blocks))
        }
        let normal = layout(spacing: 1, tips: nil).pages
        guard normal.count > 1 else { return normal }
        let tighter = layout(spacing: 0.3, tips: nil)
        if tighter.pages.count < normal.count { return tighter.pages }
        guard sheet.audience == .household, sheet.tips.lines.count > 1 else { return normal }
        // Fewer tips can save a page only when what runs over a page is no more than the tips that could go.
        let total = tighter.blocks.reduce(0) { $0 + $1.height + $1.spaceBefore }
        let overflow = total - geometry.height * Double(tighter.pages.count - 1)
        let tipLines = tighter.blocks.filter { block in
            block.elements.contains {
                if case .text(let t, _) = $0 { t.part == .tips && t.role == .body } else { false }
            }
        }
        guard overflow <= tipLines.dropFirst().reduce(0, { $0 + $1.height }) else { return normal }
        for limit in (1..<sheet.tips.lines.count).reversed() {
            let fewer = layout(spacing: 0.3, tips: limit).pages
            if fewer.count < normal.count { return fewer }
        }
        return normal
    }
}
