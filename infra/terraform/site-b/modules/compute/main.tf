# Control-plane and worker nodes, spread round-robin over the two private subnets (zones),
# behind an internal network load balancer that is kubeadm's control-plane endpoint.

locals {
  zone_count = length(var.subnet_ids)
}

resource "aws_instance" "control_plane" {
  count                  = var.control_plane_count
  ami                    = var.ami_id
  instance_type          = var.control_plane_instance_type
  subnet_id              = var.subnet_ids[count.index % local.zone_count]
  vpc_security_group_ids = [var.control_plane_sg_id]
  key_name               = var.ssh_key_name
  iam_instance_profile   = var.instance_profile_name

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_size = var.root_volume_gb
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name = "${var.name}-cp-${count.index + 1}"
    role = "control-plane"
  }
}

resource "aws_instance" "worker" {
  count                  = var.worker_count
  ami                    = var.ami_id
  instance_type          = var.worker_instance_type
  subnet_id              = var.subnet_ids[count.index % local.zone_count]
  vpc_security_group_ids = [var.worker_sg_id]
  key_name               = var.ssh_key_name
  iam_instance_profile   = var.instance_profile_name

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_size = var.root_volume_gb
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name = "${var.name}-worker-${count.index + 1}"
    role = "worker"
  }
}

resource "aws_lb" "api" {
  name               = "${var.name}-api"
  internal           = true
  load_balancer_type = "network"
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "api" {
  name     = "${var.name}-api"
  port     = 6443
  protocol = "TCP"
  vpc_id   = var.vpc_id

  health_check {
    protocol = "TCP"
    port     = "6443"
  }
}

resource "aws_lb_target_group_attachment" "api" {
  count            = var.control_plane_count
  target_group_arn = aws_lb_target_group.api.arn
  target_id        = aws_instance.control_plane[count.index].id
  port             = 6443
}

resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.api.arn
  port              = 6443
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}
