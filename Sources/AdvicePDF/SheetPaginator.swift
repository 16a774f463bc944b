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
    var bottom = Canvas.a4Height - 44
    var footerY = Canvas.a4Height - 30

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
}
