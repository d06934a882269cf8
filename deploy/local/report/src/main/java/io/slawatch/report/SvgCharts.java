package io.slawatch.report;

import io.slawatch.model.ClockType;
import io.slawatch.report.Report.ClockRate;
import io.slawatch.report.Report.Department;
import io.slawatch.report.Report.ResponseTimes;
import io.slawatch.report.Report.TrendPoint;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script, no font, no image, so the page stands alone and
 * prints as it shows. Each chart scales to its container's width through its viewBox.
 */
final class SvgCharts {

    static final String[] CLOCK_COLOURS = {"#1f6feb", "#d97706", "#059669"};
    static final String BEFORE_COLOUR = "#b6c2cf";
    static final int WIDTH = 640;
    private static final int LABEL = 130;
    private static final int ROW = 22;

    private SvgCharts() {}

    /** Met rate per clock, this period's bar over the previous period's. */
    static String metRates(List<ClockRate> rates, String period, String before) {
        int height = rates.size() * (2 * ROW + 10) + 30;
        StringBuilder svg = open("met-rates", height, "Met rate per clock, " + period);
        int y = 10;
        for (ClockRate rate : rates) {
            svg.append(text(0, y + ROW - 6, rate.clock().name(), "start"));
            bar(svg, y, rate.rate().metRate(), colour(rate.clock()), period);
            bar(svg, y + ROW, rate.metRateBefore(), BEFORE_COLOUR, before);
            y += 2 * ROW + 10;
        }
        legend(
                svg,
                height - 12,
                new String[] {period, before},
                new String[] {"#555", BEFORE_COLOUR});
        return svg.append("</svg>").toString();
    }

    /** Each channel's p50 and p90 response time against its target, on the channel's own scale. */
    static String responseTimes(List<ResponseTimes> times) {
        int height = times.size() * (ROW + 14) + 34;
        StringBuilder svg = open("response-times", height, "Response time p50 and p90 per channel");
        int y = 10;
        int plot = WIDTH - LABEL - 150;
        for (ResponseTimes t : times) {
            double scale = Math.max(Math.max(t.p90Seconds(), t.targetMaxSeconds()), 1) * 1.15;
            svg.append(text(0, y + ROW - 6, t.channel().name(), "start"));
            int p90 = (int) Math.round(plot * t.p90Seconds() / scale);
            int p50 = (int) Math.round(plot * t.p50Seconds() / scale);
            int target = (int) Math.round(plot * t.targetMaxSeconds() / scale);
            svg.append(rect(LABEL, y, Math.max(p90, 1), ROW, "#9ec5fe"));
            svg.append(rect(LABEL, y, Math.max(p50, 1), ROW, "#1f6feb"));
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b91c1c\""
                                    + " stroke-width=\"2\"/>",
                            LABEL + target,
                            y - 3,
                            LABEL + target,
                            y + ROW + 3));
            svg.append(
                    text(
                            LABEL + plot + 6,
                            y + ROW - 6,
                            Durations.human(t.p50Seconds())
                                    + " / "
                                    + Durations.human(t.p90Seconds()),
                            "start"));
            y += ROW + 14;
        }
        legend(
                svg,
                height - 12,
                new String[] {"p50", "p90", "target"},
                new String[] {"#1f6feb", "#9ec5fe", "#b91c1c"});
        return svg.append("</svg>").toString();
    }

    /** Each department's suspected breaches, split by what their cases became. */
    static String departmentBreaches(List<Department> departments) {
        int most = departments.stream().mapToInt(d -> d.breaches().suspected()).max().orElse(0);
        int height = departments.size() * (ROW + 8) + 34;
        StringBuilder svg = open("department-breaches", height, "Breaches per department");
        int plot = WIDTH - LABEL - 40;
        String[] names = {"confirmed", "waived", "retracted", "undecided"};
        String[] colours = {"#b91c1c", "#059669", "#6b7280", "#d97706"};
        int y = 10;
        for (Department d : departments) {
            svg.append(text(0, y + ROW - 6, d.team(), "start"));
            int[] parts = {
                d.breaches().confirmed(),
                d.breaches().waived(),
                d.breaches().retracted(),
                d.breaches().undecided()
            };
            int x = LABEL;
            for (int i = 0; i < parts.length; i++) {
                int width = most == 0 ? 0 : (int) Math.round((double) plot * parts[i] / most);
                if (width > 0) {
                    svg.append(rect(x, y, width, ROW, colours[i]));
                    x += width;
                }
            }
            svg.append(text(x + 6, y + ROW - 6, String.valueOf(d.breaches().suspected()), "start"));
            y += ROW + 8;
        }
        legend(svg, height - 12, names, colours);
        return svg.append("</svg>").toString();
    }

    /** Met rate per clock month by month; a month without decided clocks leaves a gap. */
    static String trend(List<TrendPoint> points, List<ClockType> clocks) {
        int height = 230;
        int left = 44;
        int top = 12;
        int plotHeight = 160;
        int step = (WIDTH - left - 20) / Math.max(points.size() - 1, 1);
        StringBuilder svg = open("trend", height, "Met rate per clock, last six months");
        for (int pct = 0; pct <= 100; pct += 25) {
            int y = top + plotHeight - plotHeight * pct / 100;
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e7eb\"/>",
                            left,
                            y,
                            WIDTH - 10,
                            y));
            svg.append(text(left - 6, y + 4, pct + "%", "end"));
        }
        for (int i = 0; i < points.size(); i++) {
            svg.append(
                    text(left + i * step, top + plotHeight + 18, points.get(i).month(), "middle"));
        }
        for (ClockType clock : clocks) {
            StringBuilder path = new StringBuilder();
            boolean drawing = false;
            for (int i = 0; i < points.size(); i++) {
                Double rate = points.get(i).clocks().get(clock).metRate();
                if (rate == null) {
                    drawing = false;
                    continue;
                }
                int x = left + i * step;
                int y = (int) Math.round(top + plotHeight - plotHeight * rate);
                path.append(drawing ? " L" : " M").append(x).append(' ').append(y);
                drawing = true;
                svg.append(
                        String.format(
                                Locale.ROOT,
                                "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>",
                                x,
                                y,
                                colour(clock)));
            }
            if (!path.isEmpty()) {
                svg.append(
                        String.format(
                                Locale.ROOT,
                                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                                path.toString().trim(),
                                colour(clock)));
            }
        }
        legend(
                svg,
                height - 10,
                clocks.stream().map(ClockType::name).toArray(String[]::new),
                clocks.stream().map(SvgCharts::colour).toArray(String[]::new));
        return svg.append("</svg>").toString();
    }

    /** Built-in clocks keep their colours; a policy's own clock takes one by its name. */
    static String colour(ClockType clock) {
        int builtIn = ClockType.BUILT_IN.indexOf(clock);
        int index = builtIn >= 0 ? builtIn : Math.floorMod(clock.name().hashCode(), 1 << 16);
        return CLOCK_COLOURS[index % CLOCK_COLOURS.length];
    }

    private static void bar(StringBuilder svg, int y, Double rate, String colour, String label) {
        int plot = WIDTH - LABEL - 70;
        if (rate == null) {
            svg.append(text(LABEL, y + ROW - 6, label + ": no decided clocks", "start"));
            return;
        }
        svg.append(rect(LABEL, y, Math.max((int) Math.round(plot * rate), 1), ROW - 3, colour));
        svg.append(
                text(
                        LABEL + (int) Math.round(plot * rate) + 6,
                        y + ROW - 7,
                        Durations.percent(rate),
                        "start"));
    }

    private static StringBuilder open(String id, int height, String title) {
        return new StringBuilder(
                String.format(
                        Locale.ROOT,
                        "<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\""
                                + " xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                        id,
                        WIDTH,
                        height,
                        Html.escape(title)));
    }

    private static void legend(StringBuilder svg, int y, String[] names, String[] colours) {
        int x = LABEL;
        for (int i = 0; i < names.length; i++) {
            svg.append(rect(x, y - 9, 10, 10, colours[i]));
            svg.append(text(x + 14, y, names[i], "start"));
            x += 24 + names[i].length() * 7;
        }
    }

    private static String rect(int x, int y, int width, int height, String fill) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                x,
                y,
                width,
                height,
                fill);
    }

    private static String text(int x, int y, String value, String anchor) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                x,
                y,
                anchor,
                Html.escape(value));
    }
}
