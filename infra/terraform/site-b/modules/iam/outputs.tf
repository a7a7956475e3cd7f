output "site_a_writer_user_name" {
  description = "IAM user of site A's Velero."
  value       = aws_iam_user.site_a_writer.name
}

output "node_instance_profile_name" {
  description = "Instance profile of site B's nodes (read-only on the bucket)."
  value       = aws_iam_instance_profile.node.name
}
