// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract BatchRefund {
    address public immutable operator = msg.sender;
    mapping(address => uint256) public owed;

    function record(address user) external payable {
        require(msg.sender == operator, "operator");
        owed[user] += msg.value;
    }

    function refund(address payable user) external {
        require(msg.sender == operator, "operator");
        uint256 amount = owed[user];
        owed[user] = 0;
        user.send(amount); // @vulnerable: unchecked_low_level_calls
    }
}
