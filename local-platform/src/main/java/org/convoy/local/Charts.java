package org.convoy.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** Line charts as PNG files, drawn with the JDK alone, for the benchmark's report. */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 70;
    private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e) };

    private Charts() {
    }

    /** One named series of (x, y) points. */
    record Series(String name, List<double[]> points) {
    }

    static void line(Path file, String title, String xLabel, String yLabel, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).max().orElse(1) * 1.1;
        maxX = maxX <= 0 ? 1 : maxX;
        maxY = maxY <= 0 ? 1 : maxY;
        int plotWidth = WIDTH - 2 * MARGIN;
        int plotHeight = HEIGHT - 2 * MARGIN;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, MARGIN, MARGIN / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        for (int tick = 0; tick <= 5; tick++) {
            int x = MARGIN + plotWidth * tick / 5;
            int y = HEIGHT - MARGIN - plotHeight * tick / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(MARGIN, y, WIDTH - MARGIN, y);
            g.setColor(Color.BLACK);
            g.drawString(format(maxX * tick / 5), x - 10, HEIGHT - MARGIN + 18);
            g.drawString(format(maxY * tick / 5), 8, y + 4);
        }
        g.drawString(xLabel, WIDTH / 2 - 60, HEIGHT - 20);
        g.drawString(yLabel, 8, MARGIN - 12);

        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            g.setColor(COLOURS[i % COLOURS.length]);
            g.setStroke(new BasicStroke(2f));
            int[] previous = null;
            for (double[] point : one.points()) {
                int x = MARGIN + (int) (plotWidth * point[0] / maxX);
                int y = HEIGHT - MARGIN - (int) (plotHeight * point[1] / maxY);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], x, y);
                }
                previous = new int[] { x, y };
            }
            g.drawString(one.name(), WIDTH - MARGIN - 220, MARGIN + 18 * (i + 1));
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
