package org.tiqu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.tiqu.batch.OutputLock;
import org.tiqu.output.Manifest;
import org.tiqu.output.ParquetTables;

/** {@code tiqu export}: an output folder's records in other formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an output folder's records in another format.",
        subcommands = {ExportCommand.Parquet.class})
final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a format is required (tiqu export parquet)");
    }

    @Command(name = "parquet", mixinStandardHelpOptions = true,
            description = {"Write mentions.parquet, metrics.parquet and documents.parquet of an",
                    "output folder, for pandas, DuckDB and Spark. mentions and metrics have",
                    "the columns of mentions.csv and metrics.csv (begin, end and sentence as",
                    "INT32; value and change as strings, exactly as the records write them);",
                    "documents has one row per manifest entry. Each file is written whole or",
                    "not at all. The schema is in the README (\"Parquet tables\")."},
            footer = {"", "Exit codes: 0 written, 1 a file could not be read or written,",
                    "2 DIR is not an output folder or a batch is writing it."})
    static final class Parquet implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The output folder (default: output/).")
        Path dir;

        @Option(names = "--to", paramLabel = "FOLDER", description = "Where the tables go (default: DIR/parquet/).")
        Path to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path outDir = dir != null ? dir : Defaults.outputPath();
            CommandLine cli = spec.commandLine();
            if (!Files.isDirectory(outDir)) {
                throw new ParameterException(cli, outDir + ": no such folder");
            }
            if (!Manifest.exists(outDir)) {
                throw new ParameterException(cli, outDir + " has no " + Manifest.FILE_NAME
                        + ": not a tiqu output folder (tiqu extract --out " + outDir + " makes one)");
            }
            Path toDir = to != null ? to : outDir.resolve(ParquetTables.FOLDER);
            if (Files.exists(toDir) && !Files.isDirectory(toDir)) {
                throw new ParameterException(cli, toDir + " is a file, not a folder");
            }
            ParquetTables.Written written;
            try (OutputLock lock = OutputLock.shared(outDir)) {
                written = ParquetTables.write(outDir, Manifest.read(outDir), toDir);
            }
            System.out.println("tiqu: wrote " + toDir.resolve(ParquetTables.MENTIONS) + " (" + rows(written.mentions()) + "), "
                    + ParquetTables.METRICS + " (" + rows(written.metrics()) + "), "
                    + ParquetTables.DOCUMENTS + " (" + rows(written.documents()) + ")");
            return Main.OK;
        }

        private static String rows(long n) {
            return n + (n == 1 ? " row" : " rows");
        }
    }
}
