// Prints the JSON form of the HCL file named by the first argument, as HashiCorp's HCL parser reads
// it; exits 1 with the parser's diagnostics when the file is not valid HCL.
const { parse } = require("@cdktf/hcl2json");
const fs = require("fs");
const file = process.argv[2];
parse(file, fs.readFileSync(file, "utf8")).then(
  (json) => process.stdout.write(JSON.stringify(json)),
  (error) => {
    process.stderr.write(String(error.message || error) + "\n");
    process.exit(1);
  });
