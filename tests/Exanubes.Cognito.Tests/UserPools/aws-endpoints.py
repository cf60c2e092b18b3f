"""Resolves Cognito's endpoints with botocore's own data, for CognitoUserPoolIdTests.

Reads the AWS partitions (partitions.json) and the cognito-idp endpoint rule set (endpoint-rule-set-1.json.gz) shipped
with botocore, and prints one JSON line per region: its partition, DNS suffix and the four endpoints (plain, FIPS,
dual-stack, both) that botocore's rule engine resolves. Regions: every listed region of every partition plus the extra
region names given as arguments (regions a partition's regionRegex admits but does not list yet).
"""
import gzip
import json
import os
import re
import sys

import botocore
from botocore.endpoint_provider import EndpointProvider

data = os.path.join(os.path.dirname(botocore.__file__), "data")
with open(os.path.join(data, "partitions.json")) as f:
    partitions = json.load(f)
with gzip.open(os.path.join(data, "cognito-idp", "2016-04-18", "endpoint-rule-set-1.json.gz")) as f:
    rules = json.load(f)

provider = EndpointProvider(rules, partitions)
regions = [r for p in partitions["partitions"] for r in p["regions"] if not r.endswith("-global")] + sys.argv[1:]
for region in regions:
    resolved = provider.resolve_endpoint(Region=region, UseFIPS=False, UseDualStack=False)
    partition = next(p for p in partitions["partitions"]
                     if region in p["regions"] or re.match(p["regionRegex"], region))
    print(json.dumps({
        "region": region,
        "partition": partition["id"],
        "dnsSuffix": partition["outputs"]["dnsSuffix"],
        "endpoint": resolved.url,
        "fips": provider.resolve_endpoint(Region=region, UseFIPS=True, UseDualStack=False).url,
        "dualStack": provider.resolve_endpoint(Region=region, UseFIPS=False, UseDualStack=True).url,
        "fipsDualStack": provider.resolve_endpoint(Region=region, UseFIPS=True, UseDualStack=True).url,
    }))
