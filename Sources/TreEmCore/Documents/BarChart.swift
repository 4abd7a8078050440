import Foundation

/// A horizontal bar chart as SVG, drawn on the server: one bar per unit, the value at its end,
/// and a dashed line where the indicator has a target. Colours are SVG attributes (no inline
/// style), so the page's Content-Security-Policy needs no exception.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double?

        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var bars: [Bar]
    public var target: Double?
    public var valueType: IndicatorValueType

    public init(title: String, bars: [Bar], target: Double? = nil, valueType: IndicatorValueType) {
        self.title = title
        self.bars = bars
        self.target = target
        self.valueType = valueType
    }

    public func svg() -> String {
        let labelWidth = 200.0
        let barArea = 380.0
        let valueWidth = 110.0
        let rowHeight = 26.0
        let top = 8.0
        let width = labelWidth + barArea + valueWidth
        let height = top * 2 + rowHeight * Double(max(bars.count, 1)) + (target == nil ? 0 : 16)
        let largest = max(bars.compactMap(\.value).max() ?? 0, target ?? 0, valueType == .percent ? 100 : 0)
        let scale = largest > 0 ? barArea / largest : 0
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title>\(Self.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let label = VietnameseText.shortened(bar.label, to: 28)
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(Self.number(y + 17))\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">\(Self.escape(label))</text>"
            if let value = bar.value {
                let length = max(value * scale, value > 0 ? 2 : 0)
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(Self.number(y + 4))\" width=\"\(Self.number(length))\" height=\"\(rowHeight - 8)\" fill=\"#1f6f8b\"/>"
                svg +=
                    "<text x=\"\(Self.number(labelWidth + length + 6))\" y=\"\(Self.number(y + 17))\" font-size=\"12\" fill=\"#222\">"
                    + Self.escape(VietnameseNumber.display(value, type: valueType)) + "</text>"
            } else {
                svg +=
                    "<text x=\"\(labelWidth + 4)\" y=\"\(Self.number(y + 17))\" font-size=\"12\" fill=\"#888\">chưa có số liệu</text>"
            }
        }
        if let target, scale > 0 {
            let x = labelWidth + target * scale
            let bottom = top + rowHeight * Double(max(bars.count, 1))
            svg +=
                "<line x1=\"\(Self.number(x))\" y1=\"\(top)\" x2=\"\(Self.number(x))\" y2=\"\(Self.number(bottom))\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            svg +=
                "<text x=\"\(Self.number(x))\" y=\"\(Self.number(bottom + 13))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#c0392b\">"
                + "Chỉ tiêu \(Self.escape(VietnameseNumber.display(target, type: valueType)))</text>"
        }
        return svg + "</svg>"
    }

    /// The chart for a page: the SVG for wide screens, and the same bars as a list for a phone,
    /// where a 690-unit-wide drawing shrinks its 13-unit labels below 7 px. The list is plain
    /// text at the page's size with a `<meter>` per bar (no inline style: the page's
    /// Content-Security-Policy needs no exception); the stylesheet shows one or the other.
    public func html() -> String {
        let largest = max(bars.compactMap(\.value).max() ?? 0, target ?? 0, valueType == .percent ? 100 : 0)
        var list = "<ol class=\"chart-list\" aria-label=\"\(Self.escape(title))\">"
        for bar in bars {
            list += "<li><span class=\"chart-label\">\(Self.escape(bar.label))</span>"
            if let value = bar.value {
                list +=
                    "<meter min=\"0\" max=\"\(Self.number(max(largest, 1)))\" value=\"\(Self.number(max(value, 0)))\"></meter>"
                    + "<span class=\"chart-value\">\(Self.escape(VietnameseNumber.display(value, type: valueType)))</span>"
            } else {
                list += "<span class=\"chart-value muted\">chưa có số liệu</span>"
            }
            list += "</li>"
        }
        if let target {
            list +=
                "<li class=\"chart-target\">Chỉ tiêu \(Self.escape(VietnameseNumber.display(target, type: valueType)))</li>"
        }
        return "<div class=\"chart-wide\">\(svg())</div>" + list + "</ol>"
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        XMLText.escape(text)
    }
}
