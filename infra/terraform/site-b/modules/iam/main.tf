# Velero's identities on the off-site bucket. Neither may delete: site A's writer puts and
# reads objects, site B's nodes (instance profile) only read. An explicit Deny on every
# delete, retention and bucket-configuration action wins over any Allow added later.
# No access key is created here: keys would land in the Terraform state. An operator creates
# the writer's key (docs/SOP_PRA_Procedure.md) straight into site A's Secret.

data "aws_iam_policy_document" "no_delete" {
  statement {
    sid    = "NeverDelete"
    effect = "Deny"
    actions = [
      "s3:DeleteObject",
      "s3:DeleteObjectVersion",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketPolicy",
      "s3:PutBucketVersioning",
      "s3:PutBucketObjectLockConfiguration",
      "s3:PutLifecycleConfiguration",
      "s3:PutObjectRetention",
      "s3:PutObjectLegalHold",
      "s3:BypassGovernanceRetention",
    ]
    resources = [var.bucket_arn, "${var.bucket_arn}/*"]
  }
}

data "aws_iam_policy_document" "writer" {
  source_policy_documents = [data.aws_iam_policy_document.no_delete.json]

  statement {
    sid       = "ListBucket"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]
    resources = [var.bucket_arn]
  }

  statement {
    sid = "ReadWriteObjects"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${var.bucket_arn}/*"]
  }
}

data "aws_iam_policy_document" "reader" {
  source_policy_documents = [data.aws_iam_policy_document.no_delete.json]

  statement {
    sid       = "ListBucket"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "ReadObjects"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arn}/*"]
  }
}

resource "aws_iam_user" "site_a_writer" {
  name = "${var.name}-velero-site-a"
  path = "/pra/"
}

resource "aws_iam_user_policy" "site_a_writer" {
  name   = "velero-offsite-write-no-delete"
  user   = aws_iam_user.site_a_writer.name
  policy = data.aws_iam_policy_document.writer.json
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name               = "${var.name}-node"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy" "node_velero_read" {
  name   = "velero-offsite-read"
  role   = aws_iam_role.node.id
  policy = data.aws_iam_policy_document.reader.json
}

# ExternalDNS on site B publishes the DNSEndpoint that failover-service switches at cutover:
# it may change records in that one zone, and list zones and records to find them.
data "aws_iam_policy_document" "external_dns" {
  statement {
    sid       = "ChangeCutoverZone"
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = ["arn:aws:route53:::hostedzone/${var.dns_zone_id}"]
  }

  statement {
    sid       = "ListZonesAndRecords"
    actions   = ["route53:ListHostedZones", "route53:ListResourceRecordSets", "route53:ListTagsForResources"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "node_external_dns" {
  name   = "external-dns-cutover-zone"
  role   = aws_iam_role.node.id
  policy = data.aws_iam_policy_document.external_dns.json
}

resource "aws_iam_instance_profile" "node" {
  name = "${var.name}-node"
  role = aws_iam_role.node.name
}
