using ParPlatform.Dossiers.Domain;

namespace ParPlatform.Dossiers.Tests;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_keep_their_first_line()
    {
        var records = Csv.Read("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,").ToList();

        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
    }

    [Fact]
    public void An_unknown_column_and_a_short_row_are_named_with_their_lines()
    {
        var (rows, problems) = ProcedureImport.FromCsv("code,name,field,timeLimit,colour\nA,B,C,1,red\n");

        Assert.Empty(rows);
        Assert.Equal(new ImportProblem(1, "colour", problems[0].Reason), problems.Single());

        (_, problems) = ProcedureImport.FromCsv("code,name,field,timeLimit\nA,B,C\n");
        Assert.Equal(2, problems.Single().Row);
    }

    [Fact]
    public void A_column_named_twice_in_the_header_is_a_problem_of_line_1()
    {
        var (rows, problems) = ProcedureImport.FromCsv("code,name,field,timeLimit,name\nA,B,C,1,D\n");

        Assert.Empty(rows);
        Assert.Equal(new ImportProblem(1, "name", problems[0].Reason), problems.Single());
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_a_problem()
    {
        Assert.Single(ProcedureImport.FromCsv("").Problems);
        Assert.Single(ProcedureImport.FromCsv("code,name,field,timeLimit\n").Problems);
    }
}
