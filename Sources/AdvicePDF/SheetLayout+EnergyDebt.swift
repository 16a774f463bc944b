import AdviceReport

/// The page of each energy debt: its title with the supplier and the arrears, what happens by which date, the steps
/// under their deadlines (a grey band, one per day), the letters and whom to call. Every section stays whole on a
/// page; a step stays with its deadline.
extension SheetLayout {
    func energyDebt() -> [Block] {
        var blocks: [Block] = []
        for (index, page) in sheet.energyDebt.enumerated() {
            var title = Block(height: 0, elements: [], spaceBefore: 12 * spacing, keepWithNext: true)
            // A second debt starts a page of its own: each page goes with its own letters.
            title.startsPage = index > 0
            add(page.heading, style: SheetStyle.debtTitle, role: .heading, part: .energyDebt, to: &title, after: 2)
            title.elements.append(
                .rule(x1: left, y1: title.height, x2: left + width, y2: title.height, gray: 0, width: 1.2))
            title.height += 5
            for fact in page.facts {
                add(fact, style: SheetStyle.fact, role: .fact, part: .energyDebt, to: &title, after: 2)
            }
            blocks.append(title)
            blocks += list(page.situation)
            blocks += steps(page)
            blocks += list(page.letters)
            blocks += list(page.help)
        }
        return blocks
    }

    /// The steps, each under its deadline when that differs from the one before; a step that a page break parts from
    /// its deadline gets it again at the top of the new page.
    func steps(_ page: AdviceSheet.DebtPage) -> [Block] {
        var blocks = [heading(page.stepsHeading, part: .energyDebt)]
        var shown: String?
        var band: RepeatedHeader?
        for (index, step) in page.steps.enumerated() {
            var block = Block(height: 0, elements: [], spaceBefore: 2 * spacing)
            if let deadline = step.deadline, deadline != shown {
                block.spaceBefore = 5 * spacing
                let p = canvas.paragraph(deadline, width: width - 12, style: SheetStyle.deadline)
                block.elements.append(
                    .box(x: left, y: 0, width: width, height: p.height + 6, fill: 0.88, stroke: nil, lineWidth: 0))
                block.elements.append(text(p, role: .deadline, part: .energyDebt, x: left + 6, y: 3))
                block.height = p.height + 9
                band = RepeatedHeader(height: block.height, elements: block.elements)
            } else if step.deadline == nil {
                band = nil
            } else {
                block.repeatedHeader = band
            }
            shown = step.deadline
            bulleted(step.text, style: SheetStyle.body, role: .body, to: &block)
            for detail in step.details {
                add(
                    detail, style: SheetStyle.detail, role: .detail, part: .energyDebt, to: &block,
                    x: left + Self.hanging, width: width - Self.hanging, after: 1.5)
            }
            // The heading stays with the first step.
            if index == 0 { blocks[0].keepWithNext = true }
            blocks.append(block)
        }
        return blocks
    }

    /// How far the text of a bulleted line stands in from its bullet.
    static let hanging = 12.0

    /// A line with its bullet hanging out to the left, so the wrapped lines align with the first word.
    func bulleted(_ string: String, style: Style, role: Role, to block: inout Block) {
        let bullet = canvas.paragraph("•", width: nil, style: style)
        block.elements.append(text(bullet, role: role, part: .energyDebt, x: left + 2, y: block.height))
        add(
            string, style: style, role: role, part: .energyDebt, to: &block, x: left + Self.hanging,
            width: width - Self.hanging, after: 1.5 * spacing)
    }

    /// A section of the page as a bulleted list, kept whole on a page.
    func list(_ section: AdviceSheet.Section) -> [Block] {
        guard !section.isEmpty else { return [] }
        var blocks = [heading(section.heading, part: .energyDebt)]
        var block = Block(height: 0, elements: [])
        for line in section.lines { bulleted(line, style: SheetStyle.body, role: .body, to: &block) }
        blocks.append(block)
        return blocks
    }
}
