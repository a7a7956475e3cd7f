output "bucket_name" {
  description = "Name of the off-site bucket."
  value       = aws_s3_bucket.backups.id
}

output "bucket_arn" {
  description = "ARN of the off-site bucket."
  value       = aws_s3_bucket.backups.arn
}
